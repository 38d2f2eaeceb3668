<?php
/**
 * The widget's settings and the values each accepts, read from parameters.json (written from
 * the widget's own parser, src/embed/config.rs, by tests/wordpress_parameters.rs). A value the
 * widget would refuse is refused here, with the widget's reason, so what reaches the page is
 * always a setting the widget reads; each value is passed on in one canonical spelling.
 * Authors may also write some settings by other names (aliases.json), checked as the setting
 * they stand for and passed on under the widget's name.
 *
 * Plain PHP: no WordPress function but the translation ones, so it is tested on its own
 * (tests/wordpress/parameters-test.php).
 *
 * @package InterviewPractice
 */

namespace InterviewPractice;

defined( 'ABSPATH' ) || exit;

/**
 * The table and the checks.
 */
final class Parameters {

	/**
	 * The decoded parameters.json.
	 *
	 * @var array|null
	 */
	private static $table = null;

	/**
	 * The decoded aliases.json's aliases, by name.
	 *
	 * @var array|null
	 */
	private static $aliases = null;

	/**
	 * The table: `limits`, `parameters` (name, kind, values, default), `guides`, `questions`.
	 *
	 * @return array
	 */
	public static function table() {
		if ( null === self::$table ) {
			$json        = file_get_contents( dirname( __DIR__ ) . '/parameters.json' );
			self::$table = json_decode( (string) $json, true );
		}
		return self::$table;
	}

	/**
	 * The settings' names, in the widget's order.
	 *
	 * @return string[]
	 */
	public static function names() {
		return array_column( self::table()['parameters'], 'name' );
	}

	/**
	 * One setting's entry in the table, or null.
	 *
	 * @param string $name A setting's name.
	 * @return array|null
	 */
	public static function parameter( $name ) {
		foreach ( self::table()['parameters'] as $parameter ) {
			if ( $parameter['name'] === $name ) {
				return $parameter;
			}
		}
		return null;
	}

	/**
	 * The other names of settings: name => `setting` (the widget's name) and, for a flag,
	 * `flag` (the setting's value for `true` and for `false`).
	 *
	 * @return array<string, array{name: string, setting: string, flag?: array{true: string, false: string}}>
	 */
	public static function aliases() {
		if ( null === self::$aliases ) {
			$json          = json_decode( (string) file_get_contents( dirname( __DIR__ ) . '/aliases.json' ), true );
			self::$aliases = array_column( $json['aliases'], null, 'name' );
		}
		return self::$aliases;
	}

	/**
	 * What a name as written stands for, or null: the entry its value is checked against, with
	 * `setting`, the widget's name for it, and `flag` for a flag alias.
	 *
	 * @param string $name A setting's name or one of its aliases.
	 * @return array|null
	 */
	public static function written( $name ) {
		$entry = self::parameter( $name );
		if ( $entry ) {
			return $entry + array( 'setting' => $name );
		}
		$alias = isset( self::aliases()[ $name ] ) ? self::aliases()[ $name ] : null;
		if ( ! $alias ) {
			return null;
		}
		if ( ! isset( $alias['flag'] ) ) {
			return array( 'setting' => $alias['setting'] ) + self::parameter( $alias['setting'] );
		}
		// True and false in the words the widget's flags take.
		$flags = array_values( array_filter( self::table()['parameters'], fn( $p ) => 'flag' === $p['kind'] ) );
		return array(
			'name'    => $name,
			'kind'    => 'flag',
			'true'    => $flags[0]['true'],
			'false'   => $flags[0]['false'],
			'setting' => $alias['setting'],
			'flag'    => $alias['flag'],
		);
	}

	/**
	 * Checks settings as the widget's parser would. An empty value means "not set". A setting
	 * written under two names is read under one: its own, or else the first alias written.
	 *
	 * @param array<string, mixed> $given Setting name (or alias) => value as written.
	 * @return array{0: array<string, string>, 1: array<int, array{name: string, value: string, reason: string}>}
	 *     The accepted settings, canonical, under the widget's names and in its order; and each
	 *     refused one, named as written, and why.
	 */
	public static function check( array $given ) {
		$accepted = array();
		$problems = array();
		$limit    = self::table()['limits']['value'];
		$read     = array();
		foreach ( $given as $name => $value ) {
			$entry = self::written( (string) $name );
			if ( $entry && self::is_set( $value ) && ( ! isset( $read[ $entry['setting'] ] ) || $name === $entry['setting'] ) ) {
				$read[ $entry['setting'] ] = (string) $name;
			}
		}
		foreach ( $given as $name => $value ) {
			$name  = (string) $name;
			$value = is_scalar( $value ) ? (string) $value : '';
			$entry = self::written( $name );
			if ( null === $entry ) {
				$problems[] = self::problem( $name, $value, __( 'is not a setting of the widget', 'interview-practice' ) );
				continue;
			}
			if ( self::is_set( $value ) && $read[ $entry['setting'] ] !== $name ) {
				/* translators: %s: the name under which the same setting is also written */
				$problems[] = self::problem( $name, $value, sprintf( __( 'duplicates %s, which is read instead', 'interview-practice' ), $read[ $entry['setting'] ] ) );
				continue;
			}
			if ( ! self::is_text( $value ) ) {
				$problems[] = self::problem( $name, '', __( 'is not valid text', 'interview-practice' ) );
				continue;
			}
			if ( self::length( $value ) > $limit ) {
				/* translators: %d: the most characters a value may have */
				$problems[] = self::problem( $name, $value, sprintf( __( 'longer than %d characters', 'interview-practice' ), $limit ) );
				continue;
			}
			$value = self::trim( $value );
			if ( '' === $value ) {
				continue;
			}
			$result = self::value( $entry, $value );
			if ( is_array( $result ) ) {
				$problems[] = self::problem( $name, $value, $result['reason'] );
			} else {
				$accepted[ $entry['setting'] ] = isset( $entry['flag'] ) ? $entry['flag'][ $result ] : $result;
			}
		}
		return array( self::ordered( $accepted ), $problems );
	}

	/**
	 * A checked value in its canonical spelling, or array('reason' => why it is refused).
	 *
	 * @param array  $entry The setting's entry in the table.
	 * @param string $value The value, trimmed, not empty.
	 * @return string|array
	 */
	private static function value( array $entry, $value ) {
		switch ( $entry['kind'] ) {
			case 'one_of':
				if ( in_array( $value, $entry['values'], true ) ) {
					return $value;
				}
				/* translators: 1: the allowed values, 2: the value given */
				return self::refuse( __( 'must be %1$s, not %2$s', 'interview-practice' ), self::either( $entry['values'] ), self::quoted( $value ) );
			case 'number':
				$number = self::number( $value );
				if ( null !== $number && $number >= $entry['min'] && $number <= $entry['max'] ) {
					return (string) $number;
				}
				/* translators: 1: the smallest number allowed, 2: the largest, 3: the value given */
				return self::refuse( __( 'must be a whole number from %1$d to %2$d, not %3$s', 'interview-practice' ), $entry['min'], $entry['max'], self::quoted( $value ) );
			case 'flag':
				if ( in_array( $value, $entry['true'], true ) ) {
					return 'true';
				}
				if ( in_array( $value, $entry['false'], true ) ) {
					return 'false';
				}
				/* translators: %s: the value given */
				return self::refuse( __( 'must be true or false, not %s', 'interview-practice' ), self::quoted( $value ) );
			case 'colour':
				$hex = 0 === strpos( $value, '#' ) ? substr( $value, 1 ) : $value;
				if ( preg_match( '/^[0-9A-Fa-f]{6}$/', $hex ) ) {
					return '#' . strtolower( $hex );
				}
				if ( preg_match( '/^[0-9A-Fa-f]{3}$/', $hex ) ) {
					return '#' . strtolower( $hex[0] . $hex[0] . $hex[1] . $hex[1] . $hex[2] . $hex[2] );
				}
				/* translators: %s: the value given */
				return self::refuse( __( 'must be a hex colour such as #0b5cad, not %s', 'interview-practice' ), self::quoted( $value ) );
			default:
				return self::items( $entry['kind'], $value );
		}
	}

	/**
	 * A list setting (`parts`, `sections`, `questions`): comma-separated, empty items skipped.
	 *
	 * @param string $kind  The list's kind.
	 * @param string $value The value.
	 * @return string|array
	 */
	private static function items( $kind, $value ) {
		$items = array_values( array_filter( array_map( array( __CLASS__, 'trim' ), explode( ',', $value ) ), 'strlen' ) );
		$limit = self::table()['limits']['items'];
		if ( ! $items ) {
			return array( 'reason' => __( 'is empty', 'interview-practice' ) );
		}
		if ( count( $items ) > $limit ) {
			/* translators: %d: the most items a list may have */
			return self::refuse( __( 'lists more than %d items', 'interview-practice' ), $limit );
		}
		$canonical = array();
		foreach ( $items as $item ) {
			$found = self::item( $kind, $item );
			if ( is_array( $found ) ) {
				return $found;
			}
			$canonical[] = $found;
		}
		return implode( ',', $canonical );
	}

	/**
	 * One item of a list setting, canonical, or why it is refused.
	 *
	 * @param string $kind The list's kind.
	 * @param string $item The item.
	 * @return string|array
	 */
	private static function item( $kind, $item ) {
		$guides = self::table()['guides'];
		if ( 'parts' === $kind ) {
			$part = self::number( $item );
			foreach ( $guides as $guide ) {
				if ( $part === $guide['part'] ) {
					return (string) $part;
				}
			}
			/* translators: 1: the number of guide parts, 2: the value given */
			return self::refuse( __( 'must list guide parts 1 to %1$d, not %2$s', 'interview-practice' ), count( $guides ), self::quoted( $item ) );
		}
		if ( 'sections' === $kind ) {
			// `slug` or `part/slug`; a part that is not a number matches any part.
			$part = null;
			$slug = $item;
			if ( false !== strpos( $item, '/' ) ) {
				list( $part, $slug ) = explode( '/', $item, 2 );
				$part                = self::number( $part );
				$part                = null !== $part && $part <= 255 ? $part : null;
			}
			foreach ( $guides as $guide ) {
				if ( null !== $part && $part !== $guide['part'] ) {
					continue;
				}
				foreach ( $guide['sections'] as $section ) {
					if ( $section['slug'] === $slug ) {
						return $guide['part'] . '/' . $slug;
					}
				}
			}
			/* translators: %s: the value given */
			return self::refuse( __( 'no section %s', 'interview-practice' ), self::quoted( $item ) );
		}
		if ( in_array( $item, self::table()['questions'], true ) ) {
			return $item;
		}
		/* translators: %s: the value given */
		return self::refuse( __( 'no question %s', 'interview-practice' ), self::quoted( $item ) );
	}

	/**
	 * A whole number as the widget reads one (digits, an optional `+`), or null. Numbers past
	 * 2^32 are refused, as they overflow the widget's.
	 *
	 * @param string $text Text.
	 * @return int|null
	 */
	private static function number( $text ) {
		if ( ! preg_match( '/^\+?([0-9]+)$/', $text, $match ) ) {
			return null;
		}
		$digits = ltrim( $match[1], '0' );
		if ( strlen( $digits ) > 10 || ( 10 === strlen( $digits ) && strcmp( $digits, '4294967295' ) > 0 ) ) {
			return null;
		}
		return (int) $digits;
	}

	/**
	 * Reads `a, b or c`.
	 *
	 * @param string[] $values Values.
	 * @return string
	 */
	private static function either( array $values ) {
		$last = array_pop( $values );
		/* translators: 1: a list of values, 2: the last value */
		return $values ? sprintf( __( '%1$s or %2$s', 'interview-practice' ), implode( ', ', $values ), $last ) : $last;
	}

	/**
	 * A value as quoted in a reason, shortened as the widget does.
	 *
	 * @param string $value The value.
	 * @return string
	 */
	private static function quoted( $value ) {
		if ( self::length( $value ) > 40 ) {
			preg_match( '/^.{40}/us', $value, $start );
			$value = $start[0] . '…';
		}
		return '“' . $value . '”';
	}

	/**
	 * A refusal with its reason.
	 *
	 * @param string $format A translated sprintf format.
	 * @param mixed  ...$args Its arguments.
	 * @return array
	 */
	private static function refuse( $format, ...$args ) {
		return array( 'reason' => vsprintf( $format, $args ) );
	}

	/**
	 * A problem to report.
	 *
	 * @param string $name   The setting.
	 * @param string $value  Its value as written.
	 * @param string $reason Why it is ignored.
	 * @return array{name: string, value: string, reason: string}
	 */
	private static function problem( $name, $value, $reason ) {
		return array(
			'name'   => $name,
			'value'  => $value,
			'reason' => $reason,
		);
	}

	/**
	 * Settings in the widget's order.
	 *
	 * @param array<string, string> $settings Settings.
	 * @return array<string, string>
	 */
	private static function ordered( array $settings ) {
		$ordered = array();
		foreach ( self::names() as $name ) {
			if ( isset( $settings[ $name ] ) ) {
				$ordered[ $name ] = $settings[ $name ];
			}
		}
		return $ordered;
	}

	/**
	 * Whether a value as written sets its setting: not empty, or not even text.
	 *
	 * @param mixed $value A value as written.
	 * @return bool
	 */
	private static function is_set( $value ) {
		$text = is_scalar( $value ) ? (string) $value : '';
		return ! self::is_text( $text ) || '' !== self::trim( $text );
	}

	/**
	 * Whether the text is valid UTF-8.
	 *
	 * @param string $text Text.
	 * @return bool
	 */
	private static function is_text( $text ) {
		return 1 === preg_match( '//u', $text );
	}

	/**
	 * Characters in valid UTF-8 text.
	 *
	 * @param string $text Text.
	 * @return int
	 */
	private static function length( $text ) {
		return (int) preg_match_all( '/./us', $text );
	}

	/**
	 * Text without the white space around it, as Rust's `str::trim` (Unicode White_Space).
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function trim( $text ) {
		return (string) preg_replace( '/^[\s\p{Z}\x{85}]+|[\s\p{Z}\x{85}]+$/u', '', $text );
	}
}
