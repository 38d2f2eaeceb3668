<?php
/**
 * What block/editor.js needs, for WordPress to load first (as a build would write it).
 *
 * @package InterviewPractice
 */

return array(
	'dependencies' => array(
		'wp-blocks',
		'wp-block-editor',
		'wp-components',
		'wp-element',
		'wp-i18n',
		'wp-server-side-render',
		// The preview is the widget itself.
		'interview-practice-embed',
	),
	'version'      => '@VERSION@',
);
