//! Spelling slips: one edit for words of 5 letters or more, two for 9 or more (a swap of
//! two neighbouring letters is one edit). Never for shorter words, and never for words that
//! hold a digit: "RAID 5" must not become "RAID 0".

/// Whether `written` is `meant` with a slip of the pen.
pub fn slip(written: &str, meant: &str) -> bool {
    // Cheap refusals first: most pairs of words differ in length or are short.
    if written == meant
        || written.len().min(meant.len()) < 5
        || written.len().abs_diff(meant.len()) > 2
    {
        return false;
    }
    if has_digit(written) || has_digit(meant) {
        return false;
    }
    // Slips rarely touch the first letter; words that differ there are other words
    // ("asynchronous" is not "synchronous", "error" is not "mirror").
    if written.chars().next() != meant.chars().next() {
        return false;
    }
    // By letter, not byte ("café"); one instance of the distance in the wasm.
    let (a, b): (Vec<char>, Vec<char>) = (written.chars().collect(), meant.chars().collect());
    within(&a, &b)
}

fn within(a: &[char], b: &[char]) -> bool {
    let shorter = a.len().min(b.len());
    let allowed = match shorter {
        0..=4 => return false,
        5..=8 => 1,
        _ => 2,
    };
    a.len().abs_diff(b.len()) <= allowed && distance(a, b, allowed) <= allowed
}

fn has_digit(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

/// Optimal string alignment distance, giving up once every path exceeds `limit`.
fn distance(a: &[char], b: &[char], limit: usize) -> usize {
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width]; // row i - 2
    let mut previous: Vec<usize> = (0..width).collect(); // row i - 1
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut best = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            best = best.min(d);
        }
        if best > limit {
            return best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[width - 1]
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
    fn a_different_first_letter_is_another_word() {
        assert!(!slip("asynchronous", "synchronous"));
        assert!(!slip("error", "mirror"));
        assert!(!slip("usage", "outage"));
        assert!(!slip("stores", "restore"));
        assert!(!slip("completely", "incomplete"));
        assert!(!slip("easier", "heavier"));
    }

    fn d(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance(&a, &b, 9)
    }

    #[test]
    fn distance_counts_every_edit() {
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("abcd", "abdc"), 1);
        assert_eq!(d("error", "mirror"), 2);
        assert_eq!(d("", "ab"), 2);
        assert_eq!(d("café", "cafe"), 1);
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
