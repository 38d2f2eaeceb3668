<?php
/**
 * Plugin Name:       Interview Practice
 * Description:       Cloud operations, deployment and DBA interview practice on your posts: a block and the [interview_practice] shortcode. The app is served from this site; nothing is fetched from anywhere else.
 * Version:           @VERSION@
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       interview-practice
 *
 * @package InterviewPractice
 */

namespace InterviewPractice;

defined( 'ABSPATH' ) || exit;

/** The plugin's version, from the app's Cargo.toml (written by scripts/wordpress-zip.mjs). */
const VERSION = '@VERSION@';
/** This file: plugins_url() finds the plugin's folder from it. */
const FILE = __FILE__;

require_once __DIR__ . '/includes/parameters.php';
require_once __DIR__ . '/includes/widget.php';
require_once __DIR__ . '/includes/block.php';

add_action(
	'init',
	function () {
		register_assets();
		register_block();
		add_shortcode( 'interview_practice', __NAMESPACE__ . '\shortcode' );
	}
);
add_action( 'enqueue_block_assets', __NAMESPACE__ . '\enqueue_editor_canvas_assets' );

if ( is_admin() ) {
	require_once __DIR__ . '/includes/settings-page.php';
	add_action( 'admin_init', __NAMESPACE__ . '\register_settings' );
	add_action( 'admin_menu', __NAMESPACE__ . '\add_settings_page' );
	add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), __NAMESPACE__ . '\action_links' );
}
