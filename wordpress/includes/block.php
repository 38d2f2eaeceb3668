<?php
/**
 * The "Interview Practice" block (block/block.json): rendered on the server by the same
 * function as the shortcode, so the two cannot differ. Its editor script (block/editor.js)
 * needs no build step.
 *
 * @package InterviewPractice
 */

namespace InterviewPractice;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block from its block.json.
 */
function register_block() {
	register_block_type(
		dirname( FILE ) . '/block',
		array( 'render_callback' => __NAMESPACE__ . '\render_block' )
	);
}

/**
 * The preview needs embed.js where the block is drawn. Editors that draw blocks in a frame of
 * their own (WordPress 6.3 and later, with blocks of API version 3) load what this hook
 * enqueues into that frame; it also runs for readers' pages, where nothing is enqueued.
 */
function enqueue_editor_canvas_assets() {
	if ( is_admin() ) {
		wp_enqueue_script( SCRIPT );
	}
}

/**
 * The block's markup: its settings (the attributes named in block.json, aliases included)
 * through `render()`, with the block's classes and alignment on the element.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function render_block( $attributes ) {
	$given = array();
	foreach ( array_merge( Parameters::names(), array_keys( Parameters::aliases() ), array( 'label' ) ) as $name ) {
		if ( isset( $attributes[ $name ] ) && is_string( $attributes[ $name ] ) ) {
			$given[ $name ] = $attributes[ $name ];
		}
	}
	return render( $given, get_block_wrapper_attributes() );
}
