<?php
/**
 * The test site's own small command line (Debian has no wp-cli):
 *   php wp.php SITE_DIR URL COMMAND [JSON]
 * prints the command's result as JSON. Commands:
 *   install {"title", "users": [{"login", "role", "password"}]}   a fresh install, pretty links
 *   post {"title", "content", "status"?, "author"?}                a post; {"id", "url"}
 *   option {"name"}                                                an option's value, or null
 *   plugin {"file"}                                                whether it is installed and active
 */

if ( PHP_SAPI !== 'cli' || $argc < 4 ) {
	fwrite( STDERR, "usage: php wp.php SITE_DIR URL COMMAND [JSON]\n" );
	exit( 2 );
}
list( , $site, $url, $command ) = $argv;
$args = isset( $argv[4] ) ? json_decode( $argv[4], true ) : array();
$parts = parse_url( $url );
$_SERVER['HTTP_HOST']   = $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = isset( $parts['path'] ) ? $parts['path'] : '/';
$_SERVER['HTTPS']       = 'off';

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $site . '/wp-load.php';

function out( $value ) {
	echo json_encode( $value ), "\n";
	exit( 0 );
}

switch ( $command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$first = array_shift( $args['users'] );
		wp_install( $args['title'], $first['login'], $first['login'] . '@example.test', false, '', $first['password'] );
		update_option( 'siteurl', $url );
		update_option( 'home', $url );
		// Readers' pages ask no other host: no avatars from Gravatar.
		update_option( 'show_avatars', 0 );
		update_option( 'permalink_structure', '/%postname%/' );
		foreach ( $args['users'] as $user ) {
			$id = wp_insert_user(
				array(
					'user_login' => $user['login'],
					'user_pass'  => $user['password'],
					'user_email' => $user['login'] . '@example.test',
					'role'       => $user['role'],
				)
			);
			if ( is_wp_error( $id ) ) {
				fwrite( STDERR, $id->get_error_message() . "\n" );
				exit( 1 );
			}
		}
		// The block editor's welcome guide would cover the editor in every test.
		foreach ( get_users() as $user ) {
			update_user_meta( $user->ID, 'wp_persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ) ) );
		}
		flush_rewrite_rules( false );
		out( true );
	case 'post':
		$author = isset( $args['author'] ) ? get_user_by( 'login', $args['author'] ) : get_user_by( 'id', 1 );
		// As the author writes it: an administrator's HTML is kept, an author's goes through kses.
		wp_set_current_user( $author->ID );
		// wp_insert_post() unslashes what it is given.
		$id = wp_insert_post(
			array(
				'post_title'   => wp_slash( $args['title'] ),
				'post_content' => wp_slash( $args['content'] ),
				'post_status'  => isset( $args['status'] ) ? $args['status'] : 'publish',
				'post_author'  => $author->ID,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		out( array( 'id' => $id, 'url' => get_permalink( $id ) ) );
	case 'option':
		wp_cache_flush();
		$value = get_option( $args['name'], null );
		out( $value );
	case 'plugin':
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		out(
			array(
				'installed' => file_exists( WP_PLUGIN_DIR . '/' . $args['file'] ),
				'active'    => is_plugin_active( $args['file'] ),
			)
		);
	default:
		fwrite( STDERR, "unknown command $command\n" );
		exit( 2 );
}
