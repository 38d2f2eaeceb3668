<?php
/**
 * The plugin's checks (wordpress/includes/parameters.php) answer as the widget's parser does:
 * on the hard cases of cases.json (whose answers tests/wordpress_parameters.rs checks against
 * the parser), on every value the table allows, and with the parser's reasons.
 *   php tests/wordpress/parameters-test.php
 * Prints each failure and exits 1 if there is any. tests/scripts/wordpress.test.mjs runs it.
 */

define( 'ABSPATH', __DIR__ . '/' );

/**
 * WordPress's translation function, untranslated.
 *
 * @param string $text   Text.
 * @param string $domain Text domain.
 * @return string
 */
function __( $text, $domain = null ) {
	return $text;
}

require dirname( __DIR__, 2 ) . '/wordpress/includes/parameters.php';

use InterviewPractice\Parameters;

$failures = array();

/**
 * Records a failure unless $ok.
 *
 * @param bool   $ok   Whether the check passed.
 * @param string $what What was checked.
 */
function expect( $ok, $what ) {
	global $failures;
	if ( ! $ok ) {
		$failures[] = $what;
	}
}

/**
 * Whether a setting's value is accepted; an accepted value's canonical spelling must be
 * accepted again unchanged, since that is what reaches the widget.
 *
 * @param string $name  Setting.
 * @param string $value Value.
 * @return bool
 */
function accepted( $name, $value ) {
	list( $settings, $problems ) = Parameters::check( array( $name => $value ) );
	if ( $problems ) {
		return false;
	}
	list( $again, $more ) = Parameters::check( $settings );
	expect( ! $more && $again === $settings, "$name=" . json_encode( $value ) . ' reads back as ' . json_encode( $settings ) );
	return isset( $settings[ $name ] );
}

// The hard cases, answered as the parser answers them.
$cases = json_decode( file_get_contents( __DIR__ . '/cases.json' ), true );
expect( count( $cases ) > 20, 'cases.json has cases' );
foreach ( $cases as $case ) {
	$got = accepted( $case['name'], $case['value'] );
	expect( $got === $case['ok'], $case['name'] . '=' . json_encode( $case['value'] ) . ( $case['ok'] ? ' is refused' : ' is accepted' ) );
}

// Every value the table allows.
$table = Parameters::table();
foreach ( $table['parameters'] as $parameter ) {
	$name   = $parameter['name'];
	$values = array();
	switch ( $parameter['kind'] ) {
		case 'one_of':
			$values = $parameter['values'];
			break;
		case 'number':
			$values = range( $parameter['min'], $parameter['max'] );
			expect( ! accepted( $name, (string) ( $parameter['min'] - 1 ) ), "$name below its range" );
			expect( ! accepted( $name, (string) ( $parameter['max'] + 1 ) ), "$name above its range" );
			break;
		case 'flag':
			$values = array_merge( array_filter( $parameter['true'], 'strlen' ), $parameter['false'] );
			expect( in_array( 'true', $parameter['true'], true ) && in_array( 'false', $parameter['false'], true ), 'the flag words are true and false' );
			break;
		case 'parts':
			$values = array_column( $table['guides'], 'part' );
			break;
		case 'sections':
			foreach ( $table['guides'] as $guide ) {
				foreach ( $guide['sections'] as $section ) {
					$values[] = $section['slug'];
					$values[] = $guide['part'] . '/' . $section['slug'];
				}
			}
			break;
		case 'questions':
			$values = $table['questions'];
			break;
		case 'colour':
			$values = array( '#0b5cad', 'ABC' );
			break;
		default:
			expect( false, "$name has a kind this file does not know: " . $parameter['kind'] );
	}
	expect( count( $values ) > 1, "$name has values" );
	foreach ( $values as $value ) {
		expect( accepted( $name, (string) $value ), "$name=$value is refused" );
	}
}
expect( Parameters::names() === array( 'mode', 'parts', 'sections', 'q', 'count', 'time', 'order', 'answer', 'theme', 'accent', 'compact' ), 'the settings are the parser\'s' );

// Canonical spellings.
$canonical = array(
	array( array( 'count' => ' +05 ' ), array( 'count' => '5' ) ),
	array( array( 'accent' => 'ABC' ), array( 'accent' => '#aabbcc' ) ),
	array( array( 'sections' => 'cloud-concepts, ,x/cloud-concepts' ), array( 'sections' => '1/cloud-concepts,1/cloud-concepts' ) ),
	array( array( 'compact' => 'yes' ), array( 'compact' => 'true' ) ),
	array( array( 'parts' => '3,+1' ), array( 'parts' => '3,1' ) ),
	// The widget's order, whatever the order written.
	array(
		array(
			'theme' => 'dark',
			'mode'  => 'browse',
			'count' => '',
		),
		array(
			'mode'  => 'browse',
			'theme' => 'dark',
		),
	),
);
foreach ( $canonical as list( $given, $expected ) ) {
	list( $settings ) = Parameters::check( $given );
	expect( $settings === $expected, json_encode( $given ) . ' reads as ' . json_encode( $settings ) );
}

// The parser's reasons (src/embed/config.rs), each naming the value.
$reasons = array(
	array( 'count', '0', 'must be a whole number from 1 to 30, not “0”' ),
	array( 'mode', 'quiz', 'must be interview, browse or question, not “quiz”' ),
	array( 'theme', '<b>pink</b>', 'must be light, dark or auto, not “<b>pink</b>”' ),
	array( 'order', 'x', 'must be random or guide, not “x”' ),
	array( 'parts', '1,4', 'must list guide parts 1 to 3, not “4”' ),
	array( 'q', 'dba-raid,nope', 'no question “nope”' ),
	array( 'sections', 'nope', 'no section “nope”' ),
	array( 'accent', 'red', 'must be a hex colour such as #0b5cad, not “red”' ),
	array( 'compact', 'maybe', 'must be true or false, not “maybe”' ),
	array( 'parts', ',', 'is empty' ),
	array( 'q', implode( ',', array_fill( 0, 31, 'ops-cdn' ) ), 'lists more than 30 items' ),
	array( 'mode', str_repeat( 'é', 513 ), 'longer than 512 characters' ),
	array( 'mode', str_repeat( 'é', 45 ), 'must be interview, browse or question, not “' . str_repeat( 'é', 40 ) . '…”' ),
	array( 'zoom', '2', 'is not a setting of the widget' ),
	array( 'mode', "\xff", 'is not valid text' ),
);
foreach ( $reasons as list( $name, $value, $reason ) ) {
	list( $settings, $problems ) = Parameters::check( array( $name => $value ) );
	$got = $problems ? $problems[0]['reason'] : '(accepted)';
	expect( ! $settings && count( $problems ) === 1 && $problems[0]['name'] === $name && $got === $reason, "$name: “{$got}”, not “{$reason}”" );
}

// Aliases: checked as the setting they stand for, passed on under the widget's name.
$aliased = array(
	array( array( 'guides' => '3, +1' ), array( 'parts' => '3,1' ) ),
	array( array( 'question' => ' ops-cdn ' ), array( 'q' => 'ops-cdn' ) ),
	array( array( 'speaking' => 'true' ), array( 'answer' => 'speak' ) ),
	array( array( 'speaking' => 'no' ), array( 'answer' => 'type' ) ),
	array( array( 'speak' => 'yes' ), array( 'answer' => 'speak' ) ),
	array( array( 'speak' => '' ), array() ),
	array(
		array(
			'theme'    => 'dark',
			'question' => 'dba-raid',
			'guides'   => '2',
		),
		array(
			'parts' => '2',
			'q'     => 'dba-raid',
			'theme' => 'dark',
		),
	),
	// The setting's own name wins, wherever it is written; an empty one sets nothing.
	array(
		array(
			'guides' => '1',
			'parts'  => '2',
		),
		array( 'parts' => '2' ),
	),
	array(
		array(
			'parts'  => ' ',
			'guides' => '1',
		),
		array( 'parts' => '1' ),
	),
);
foreach ( $aliased as list( $given, $expected ) ) {
	list( $settings ) = Parameters::check( $given );
	expect( $settings === $expected, json_encode( $given ) . ' reads as ' . json_encode( $settings ) );
}
foreach ( Parameters::aliases() as $alias ) {
	expect( in_array( $alias['setting'], Parameters::names(), true ), "{$alias['name']} stands for a setting" );
	expect( null === Parameters::parameter( $alias['name'] ), "{$alias['name']} is not a setting's own name" );
	if ( isset( $alias['flag'] ) ) {
		foreach ( $alias['flag'] as $target ) {
			expect( accepted( $alias['setting'], $target ), "{$alias['name']} sets {$alias['setting']} to $target, which it accepts" );
		}
	}
}
// Refused as their settings would be, named as written.
$refused = array(
	array( array( 'guides' => '1,4' ), array( array( 'guides', 'must list guide parts 1 to 3, not “4”' ) ) ),
	array( array( 'question' => 'nope' ), array( array( 'question', 'no question “nope”' ) ) ),
	array( array( 'speaking' => 'maybe' ), array( array( 'speaking', 'must be true or false, not “maybe”' ) ) ),
	array( array( 'speak' => 'speak' ), array( array( 'speak', 'must be true or false, not “speak”' ) ) ),
	array( array( 'guides' => "\xff" ), array( array( 'guides', 'is not valid text' ) ) ),
	array(
		array(
			'speaking' => 'true',
			'answer'   => 'type',
			'speak'    => 'no',
		),
		array( array( 'speaking', 'duplicates answer, which is read instead' ), array( 'speak', 'duplicates answer, which is read instead' ) ),
	),
	array(
		array(
			'speak'    => 'true',
			'speaking' => 'false',
		),
		array( array( 'speaking', 'duplicates speak, which is read instead' ) ),
	),
	array(
		array(
			'parts'  => '9',
			'guides' => '1',
		),
		array( array( 'parts', 'must list guide parts 1 to 3, not “9”' ), array( 'guides', 'duplicates parts, which is read instead' ) ),
	),
);
foreach ( $refused as list( $given, $expected ) ) {
	list( $settings, $problems ) = Parameters::check( $given );
	$got = array_map(
		function ( $problem ) {
			return array( $problem['name'], $problem['reason'] );
		},
		$problems
	);
	expect( $got === $expected, json_encode( $given ) . ' is refused as ' . json_encode( $got, JSON_UNESCAPED_UNICODE ) );
}
list( $settings ) = Parameters::check(
	array(
		'speaking' => 'true',
		'answer'   => 'type',
	)
);
expect( array( 'answer' => 'type' ) === $settings, 'answer wins over speaking' );

if ( $failures ) {
	echo implode( "\n", $failures ), "\n", count( $failures ), " failed\n";
	exit( 1 );
}
echo "ok\n";
