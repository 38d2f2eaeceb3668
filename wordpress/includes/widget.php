<?php
/**
 * The widget on a page: `<interview-practice>` with its settings as attributes, and embed.js
 * (served from the plugin's app/ folder) once per page. The shortcode, the block and the
 * settings page's preview all render through `render()`.
 *
 * @package InterviewPractice
 */

namespace InterviewPractice;

defined( 'ABSPATH' ) || exit;

/** The script that turns `<interview-practice>` into the widget's frame and sizes it. */
const SCRIPT = 'interview-practice-embed';
/** The editors' notice's style. */
const NOTICE_STYLE = 'interview-practice-notice';
/** The site's defaults: setting name => canonical value. */
const OPTION = 'interview_practice_defaults';
/** What a widget is before the site's owner sets any default: an interview ready to start. */
const INITIAL_DEFAULTS = array( 'mode' => 'interview' );

/**
 * Registers the assets; nothing is enqueued until a widget is rendered.
 */
function register_assets() {
	// Deferred, in the footer on WordPress before 6.3 (which reads the array as `true`).
	wp_register_script(
		SCRIPT,
		plugins_url( 'app/embed.js', FILE ),
		array(),
		VERSION,
		array(
			'in_footer' => true,
			'strategy'  => 'defer',
		)
	);
	wp_register_style( NOTICE_STYLE, plugins_url( 'assets/notice.css', FILE ), array(), VERSION );
}

/**
 * The site's defaults, as saved (checked again: content may have changed since).
 *
 * @return array<string, string>
 */
function defaults() {
	$saved = get_option( OPTION, INITIAL_DEFAULTS );
	list( $defaults ) = Parameters::check( is_array( $saved ) ? $saved : array() );
	return $defaults;
}

/**
 * The `[interview_practice]` shortcode. A bare flag (`[interview_practice compact]`,
 * `[interview_practice speak]`) is true.
 *
 * @param array|string $atts Attributes, or '' when there are none.
 * @return string
 */
function shortcode( $atts ) {
	$given = array();
	foreach ( is_array( $atts ) ? $atts : array() as $name => $value ) {
		if ( is_int( $name ) ) {
			$word      = strtolower( (string) $value );
			$parameter = Parameters::written( $word );
			if ( $parameter && 'flag' === $parameter['kind'] ) {
				$given[ $word ] = 'true';
			} elseif ( $parameter ) {
				// A setting without its value: refused, named with the word as its value.
				$given[ $word ] = $word;
			} else {
				$given[ (string) $value ] = '';
			}
			continue;
		}
		$given[ $name ] = $value;
	}
	return render( $given );
}

/**
 * The widget's markup for settings as written by an author (names and values as strings;
 * `label` is the frame's accessible name). Refused settings are left out, so readers see the
 * widget with the site's defaults for them; people who may edit the post see which and why.
 *
 * @param array<string, string> $given              Settings as written.
 * @param string                $wrapper_attributes Extra attributes for the element (the block's).
 * @return string
 */
function render( array $given, $wrapper_attributes = '' ) {
	$label = '';
	if ( isset( $given['label'] ) ) {
		$label = sanitize_text_field( (string) $given['label'] );
		unset( $given['label'] );
	}
	list( $settings, $problems ) = Parameters::check( $given );
	$settings = array_merge( defaults(), $settings );
	// The widget's order, which is also the frame's URL's.
	$ordered = array();
	foreach ( Parameters::names() as $name ) {
		if ( isset( $settings[ $name ] ) ) {
			$ordered[ $name ] = $settings[ $name ];
		}
	}

	wp_enqueue_script( SCRIPT );
	$html = '';
	if ( $problems && may_edit() ) {
		wp_enqueue_style( NOTICE_STYLE );
		$html .= notice( $problems );
	}
	$html .= '<interview-practice' . ( '' === $wrapper_attributes ? '' : ' ' . $wrapper_attributes );
	foreach ( $ordered as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	if ( '' !== $label ) {
		$html .= ' label="' . esc_attr( $label ) . '"';
	}
	return $html . '></interview-practice>';
}

/**
 * Whether the visitor may edit what is being shown: the current post, or any post elsewhere.
 *
 * @return bool
 */
function may_edit() {
	$post_id = get_the_ID();
	return $post_id ? current_user_can( 'edit_post', $post_id ) : current_user_can( 'edit_posts' );
}

/**
 * The editors' notice naming each ignored setting and why.
 *
 * @param array<int, array{name: string, value: string, reason: string}> $problems Problems.
 * @return string
 */
function notice( array $problems ) {
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li><code>' . esc_html( $problem['name'] ) . '</code>: ' . esc_html( $problem['reason'] ) . '</li>';
	}
	return '<div class="interview-practice-notice" role="note"><p><strong>'
		. esc_html__( 'Interview Practice ignored these settings', 'interview-practice' ) . '</strong> '
		. esc_html__( '(readers see the widget without them; only people who can edit this post see this note):', 'interview-practice' )
		. '</p><ul>' . $items . '</ul></div>';
}
