<?php
/**
 * Deleting the plugin removes what it stored: its defaults, on every site of a network.
 *
 * @package InterviewPractice
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $interview_practice_site ) {
		switch_to_blog( $interview_practice_site );
		delete_option( 'interview_practice_defaults' );
		restore_current_blog();
	}
} else {
	delete_option( 'interview_practice_defaults' );
}
