use super::*;

#[test]
fn the_newer_edit_wins_between_tabs() {
    assert!(theirs_wins(None, 0));
    assert!(theirs_wins(Some(10), 11));
    assert!(!theirs_wins(Some(10), 10));
    assert!(!theirs_wins(Some(11), 10));
}
