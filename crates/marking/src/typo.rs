//! Spelling slips: one edit for words of 5 letters or more, two for 9 or more (a swap of
//! two neighbouring letters is one edit). Never for shorter words, and never for words that
//! hold a digit: "RAID 5" must not become "RAID 0".

/// Whether `written` is `meant` with a slip of the pen.
pub fn slip(written: &str, meant: &str) -> bool {
    if written == meant || has_digit(written) || has_digit(meant) {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (written.chars().collect(), meant.chars().collect());
    let shorter = a.len().min(b.len());
    let allowed = match shorter {
        0..=4 => return false,
        5..=8 => 1,
        _ => 2,
    };
    a.len().abs_diff(b.len()) <= allowed && distance(&a, &b, allowed) <= allowed
}

fn has_digit(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

/// Optimal string alignment distance, giving up once every path exceeds `limit`.
fn distance(a: &[char], b: &[char], limit: usize) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3]; // two rows back, previous, current
    for (j, cell) in rows[1].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows.rotate_left(1);
        // rows[0] = two back, rows[1] = previous, rows[2] = current (reused)
        rows[2][0] = i;
        let mut best = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[1][j] + 1)
                .min(rows[2][j - 1] + 1)
                .min(rows[1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[0][j - 2] + 1);
            }
            rows[2][j] = d;
            best = best.min(d);
        }
        if best > limit {
            return best;
        }
    }
    rows[2][width - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_from_five_letters_two_from_nine() {
        assert!(slip("replcation", "replication"));
        assert!(slip("asynchronus", "asynchronous"));
        assert!(slip("availabilty", "availability"));
        assert!(slip("mirorr", "mirror")); // a swap is one edit
        assert!(slip("stirpe", "stripe"));
        assert!(slip("replcaiton", "replication")); // two edits, eleven letters
        assert!(slip("mirrr", "mirror"));
        assert!(slip("srtipe", "stripe"));
    }

    #[test]
    fn short_words_and_numbers_must_be_exact() {
        assert!(!slip("cach", "cash"));
        assert!(!slip("lag", "log"));
        assert!(!slip("raid0", "raid5"));
        assert!(!slip("0", "5"));
        assert!(!slip("ext3", "ext4"));
    }

    #[test]
    fn too_many_slips_are_another_word() {
        assert!(!slip("mirrored", "mirror")); // inflections are the stemmer's work
        assert!(!slip("replcaitons", "replication"));
        assert!(!slip("replay", "replica"));
        assert!(!slip("stream", "stripe"));
        assert!(!slip("repliction", "replacement"));
    }
}
