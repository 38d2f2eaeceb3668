<?php
/**
 * Settings → Interview Practice: the site's defaults, which every widget uses for the settings
 * it does not set, with a preview. Only administrators (`manage_options`) see or save it; the
 * form goes through options.php (its nonce and capability check) and the option's sanitising
 * callback, which accepts only what the widget reads.
 *
 * @package InterviewPractice
 */

namespace InterviewPractice;

defined( 'ABSPATH' ) || exit;

/** The settings page's slug, and the option group its form saves. */
const PAGE  = 'interview-practice';
const GROUP = 'interview_practice';

/**
 * Registers the option with its sanitising callback.
 */
function register_settings() {
	register_setting(
		GROUP,
		OPTION,
		array(
			'type'              => 'array',
			'description'       => __( 'Interview Practice: the defaults for every widget', 'interview-practice' ),
			'sanitize_callback' => __NAMESPACE__ . '\sanitize_defaults',
			'default'           => INITIAL_DEFAULTS,
			'show_in_rest'      => false,
		)
	);
}

/**
 * Adds the page under Settings, with its script and styles on that page only.
 */
function add_settings_page() {
	$hook = add_options_page(
		__( 'Interview Practice', 'interview-practice' ),
		__( 'Interview Practice', 'interview-practice' ),
		'manage_options',
		PAGE,
		__NAMESPACE__ . '\settings_page'
	);
	if ( $hook ) {
		add_action(
			'load-' . $hook,
			function () {
				add_action( 'admin_enqueue_scripts', __NAMESPACE__ . '\enqueue_settings_assets' );
			}
		);
	}
}

/**
 * The preview's script: it shows the form's values in the preview as they change.
 */
function enqueue_settings_assets() {
	wp_enqueue_script( PAGE . '-settings', plugins_url( 'assets/settings.js', FILE ), array( SCRIPT ), VERSION, true );
}

/**
 * "Settings" beside the plugin's name on the Plugins page.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function action_links( $links ) {
	if ( current_user_can( 'manage_options' ) ) {
		array_unshift(
			$links,
			'<a href="' . esc_url( admin_url( 'options-general.php?page=' . PAGE ) ) . '">' . esc_html__( 'Settings', 'interview-practice' ) . '</a>'
		);
	}
	return $links;
}

/**
 * The option's sanitising callback: each setting the widget accepts, in its canonical form;
 * a refused one keeps its previous value and is named in an error on the page.
 *
 * @param mixed $input The form's values (options.php has unslashed them).
 * @return array<string, string>
 */
function sanitize_defaults( $input ) {
	$previous = get_option( OPTION, INITIAL_DEFAULTS );
	$previous = is_array( $previous ) ? $previous : array();
	if ( ! current_user_can( 'manage_options' ) ) {
		return $previous;
	}
	$given = array();
	foreach ( Parameters::names() as $name ) {
		if ( ! is_array( $input ) || ! isset( $input[ $name ] ) ) {
			continue;
		}
		$value = $input[ $name ];
		// The guides' checkboxes.
		$given[ $name ] = is_array( $value ) ? implode( ',', array_map( 'strval', $value ) ) : (string) $value;
	}
	list( $accepted, $problems ) = Parameters::check( $given );
	// WordPress runs this twice when the option is first added: one error each.
	$reported = wp_list_pluck( get_settings_errors( OPTION ), 'code' );
	foreach ( $problems as $problem ) {
		if ( isset( $previous[ $problem['name'] ] ) ) {
			$accepted[ $problem['name'] ] = (string) $previous[ $problem['name'] ];
		}
		$code = 'interview-practice-' . $problem['name'];
		if ( ! in_array( $code, $reported, true ) ) {
			add_settings_error(
				OPTION,
				$code,
				/* translators: 1: a setting's name, 2: why its value was refused */
				sprintf( __( '%1$s: %2$s. The previous value is kept.', 'interview-practice' ), $problem['name'], $problem['reason'] )
			);
		}
	}
	list( $accepted ) = Parameters::check( $accepted );
	return $accepted;
}

/**
 * Each setting's label and what its choices read as; the table says which values exist.
 *
 * @return array<string, array{label: string, help?: string, choices?: array<string, string>}>
 */
function setting_labels() {
	return array(
		'mode'     => array(
			'label'   => __( 'Opens on', 'interview-practice' ),
			'choices' => array(
				''          => __( 'The whole app', 'interview-practice' ),
				'interview' => __( 'An interview, ready to start', 'interview-practice' ),
				'browse'    => __( 'The question browser', 'interview-practice' ),
				'question'  => __( 'One question (the first of “Questions”)', 'interview-practice' ),
			),
		),
		'parts'    => array( 'label' => __( 'Guides (none: all)', 'interview-practice' ) ),
		'sections' => array(
			'label' => __( 'Sections', 'interview-practice' ),
			'help'  => __( 'Section slugs, comma-separated; empty: all sections of the guides.', 'interview-practice' ),
		),
		'q'        => array(
			'label' => __( 'Questions', 'interview-practice' ),
			'help'  => __( 'Question ids, comma-separated: a fixed set, or the one question shown.', 'interview-practice' ),
		),
		'count'    => array( 'label' => __( 'Questions in an interview', 'interview-practice' ) ),
		'time'     => array( 'label' => __( 'Seconds per question', 'interview-practice' ) ),
		'order'    => array(
			'label'   => __( 'Order', 'interview-practice' ),
			'choices' => array(
				'random' => __( 'Random', 'interview-practice' ),
				'guide'  => __( 'As in the guide', 'interview-practice' ),
			),
		),
		'answer'   => array(
			'label'   => __( 'Answers', 'interview-practice' ),
			'choices' => array(
				'type'  => __( 'Typed', 'interview-practice' ),
				'speak' => __( 'Spoken (speaking mode)', 'interview-practice' ),
			),
		),
		'theme'    => array(
			'label'   => __( 'Theme', 'interview-practice' ),
			'choices' => array(
				'auto'  => __( 'The reader’s system setting', 'interview-practice' ),
				'light' => __( 'Light', 'interview-practice' ),
				'dark'  => __( 'Dark', 'interview-practice' ),
			),
		),
		'accent'   => array(
			'label' => __( 'Accent colour', 'interview-practice' ),
			'help'  => __( 'A hex colour such as #0b5cad; empty: the theme’s blue.', 'interview-practice' ),
		),
		'compact'  => array(
			'label'   => __( 'Header and footer', 'interview-practice' ),
			'choices' => array(
				'false' => __( 'Shown', 'interview-practice' ),
				'true'  => __( 'Hidden (compact)', 'interview-practice' ),
			),
		),
	);
}

/**
 * One setting's form control.
 *
 * @param array  $parameter The setting's entry in the table.
 * @param string $value     Its saved value, or ''.
 * @return string
 */
function setting_field( array $parameter, $value ) {
	$name   = $parameter['name'];
	$labels = setting_labels()[ $name ];
	$field  = OPTION . '[' . $name . ']';
	$id     = 'interview-practice-' . $name;
	$data   = ' data-setting="' . esc_attr( $name ) . '"';
	switch ( $parameter['kind'] ) {
		case 'one_of':
		case 'flag':
			$values  = 'flag' === $parameter['kind'] ? array( 'false', 'true' ) : $parameter['values'];
			$default = isset( $parameter['default'] ) ? $parameter['default'] : '';
			$default = is_bool( $default ) ? ( $default ? 'true' : 'false' ) : (string) $default;
			$options = isset( $labels['choices'][''] ) ? $labels['choices'][''] : sprintf(
				/* translators: %s: the widget's own default */
				__( 'The widget’s default (%s)', 'interview-practice' ),
				isset( $labels['choices'][ $default ] ) ? $labels['choices'][ $default ] : $default
			);
			$html = '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $field ) . '"' . $data . '>'
				. '<option value="">' . esc_html( $options ) . '</option>';
			foreach ( $values as $choice ) {
				$text  = isset( $labels['choices'][ $choice ] ) ? $labels['choices'][ $choice ] : $choice;
				$html .= '<option value="' . esc_attr( $choice ) . '"' . selected( $value, $choice, false ) . '>' . esc_html( $text ) . '</option>';
			}
			return $html . '</select>';
		case 'number':
			return '<input type="number" class="small-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $field ) . '"' . $data
				. ' min="' . esc_attr( $parameter['min'] ) . '" max="' . esc_attr( $parameter['max'] ) . '"'
				. ' placeholder="' . esc_attr( $parameter['default'] ) . '" value="' . esc_attr( $value ) . '"> '
				. '<span class="description">' . esc_html(
					sprintf(
						/* translators: 1: the smallest, 2: the largest, 3: the widget's default */
						__( '%1$d to %2$d; empty: %3$d', 'interview-practice' ),
						$parameter['min'],
						$parameter['max'],
						$parameter['default']
					)
				) . '</span>';
		case 'parts':
			$chosen = '' === $value ? array() : explode( ',', $value );
			$html   = '<fieldset id="' . esc_attr( $id ) . '"' . $data . '><legend class="screen-reader-text">' . esc_html( $labels['label'] ) . '</legend>';
			foreach ( Parameters::table()['guides'] as $guide ) {
				$html .= '<label><input type="checkbox" name="' . esc_attr( $field ) . '[]" value="' . esc_attr( $guide['part'] ) . '"'
					. checked( in_array( (string) $guide['part'], $chosen, true ), true, false ) . '> '
					/* translators: 1: a guide's part number, 2: its short name */
					. esc_html( sprintf( __( 'Part %1$d: %2$s', 'interview-practice' ), $guide['part'], $guide['short'] ) ) . '</label><br>';
			}
			return $html . '</fieldset>';
		default:
			return '<input type="text" class="regular-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $field ) . '"' . $data
				. ' value="' . esc_attr( $value ) . '">'
				. ( isset( $labels['help'] ) ? '<p class="description">' . esc_html( $labels['help'] ) . '</p>' : '' );
	}
}

/**
 * The page.
 */
function settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage options for this site.', 'interview-practice' ), 403 );
	}
	$saved = defaults();
	echo '<div class="wrap"><h1>' . esc_html__( 'Interview Practice', 'interview-practice' ) . '</h1>';
	echo '<p>' . esc_html__( 'The defaults every widget uses for the settings it does not set itself. Add a widget with the “Interview Practice” block, or the shortcode:', 'interview-practice' )
		. ' <code>[interview_practice count="5" time="120"]</code></p>';
	echo '<form id="interview-practice-settings" method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '">';
	settings_fields( GROUP );
	echo '<table class="form-table" role="presentation"><tbody>';
	foreach ( Parameters::table()['parameters'] as $parameter ) {
		$name  = $parameter['name'];
		$label = setting_labels()[ $name ]['label'];
		$for   = 'parts' === $name ? '' : ' for="interview-practice-' . esc_attr( $name ) . '"';
		echo '<tr><th scope="row"><label' . $for . '>' . esc_html( $label ) . '</label><br><code>' . esc_html( $name ) . '</code></th><td>'
			. setting_field( $parameter, isset( $saved[ $name ] ) ? $saved[ $name ] : '' ) // Escaped as it is built.
			. '</td></tr>';
	}
	echo '</tbody></table>';
	submit_button();
	echo '</form>';
	echo '<h2>' . esc_html__( 'Preview', 'interview-practice' ) . '</h2>';
	echo '<p class="description">' . esc_html__( 'A widget with these defaults, as readers see it. It follows the form as you change it; save to keep the changes.', 'interview-practice' ) . '</p>';
	echo render( array( 'label' => __( 'Interview Practice preview', 'interview-practice' ) ), 'id="interview-practice-preview"' ); // Escaped by render().
	echo '</div>';
}
