<?php
/**
 * `php -S`'s router for a WordPress installed under WP_BASE (`/` or `/blog/`): a file or a
 * folder with an index is served as it is, any other address inside WP_BASE goes to
 * WordPress (its pretty links), as Apache's rewrite rules do. Outside WP_BASE: 404.
 */

$base = getenv( 'WP_BASE' ) ? getenv( 'WP_BASE' ) : '/';
$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$file = $_SERVER['DOCUMENT_ROOT'] . $path;

if ( is_file( $file ) || ( is_dir( $file ) && ( is_file( "$file/index.php" ) || is_file( "$file/index.html" ) ) ) ) {
	return false;
}
if ( 0 !== strpos( $path, $base ) ) {
	http_response_code( 404 );
	echo 'Not found';
	return true;
}
$_SERVER['SCRIPT_NAME']     = $base . 'index.php';
$_SERVER['PHP_SELF']        = $base . 'index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . $base . 'index.php';
chdir( dirname( $_SERVER['SCRIPT_FILENAME'] ) );
require $_SERVER['SCRIPT_FILENAME'];
