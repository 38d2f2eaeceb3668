//! The entry point's rules, end to end: alternatives, phrases, glossary, slips, negation and
//! the evidence it returns.

use super::*;

fn marker() -> Marker {
    let glossary_only = Marker::new(Glossary::default());
    let points: Vec<KeyPoint> = ["spare disk", "write", "replication"]
        .iter()
        .map(|k| glossary_only.key_point([[k]]))
        .collect();
    let real = glossary_only.near_misses(["share", "white", "table", "replicate"], &points);
    assert_eq!(real, ["share", "white"]);
    Marker::new(
        Glossary::new([
            vec!["availability zone", "AZ"],
            vec!["RAID 10", "RAID 1+0", "RAID10"],
            vec!["I/O", "IO"],
            vec!["database", "DB"],
            vec!["memcached", "memcache"],
            vec!["bigger", "larger", "beefier"],
        ])
        .unwrap(),
    )
    .with_real_words(real)
}

/// Marks `answer` against one key point written as in content files: `a | b + c`.
fn covers(answer: &str, key: &str) -> bool {
    let m = marker();
    let point = m.key_point(key.split('|').map(|alt| alt.split('+').collect::<Vec<_>>()));
    m.mark(answer, &[point])[0].covered
}

fn evidence(answer: &str, key: &str) -> Vec<String> {
    let m = marker();
    let point = m.key_point(key.split('|').map(|alt| alt.split('+').collect::<Vec<_>>()));
    m.mark(answer, &[point])[0]
        .evidence
        .iter()
        .map(|r| answer[r.clone()].to_string())
        .collect()
}

#[test]
fn any_alternative_and_every_term_of_it() {
    let key = "RAID 10 | mirror + stripe";
    assert!(covers("I'd use raid-10.", key));
    assert!(covers("It Mirrors disks, then STRIPES across them", key));
    assert!(!covers("It mirrors disks", key));
    assert!(!covers("", key));
}

#[test]
fn stemming_works_on_both_sides() {
    assert!(covers("Memory caches are quick", "cache"));
    assert!(covers("many different sizes", "size"));
    assert!(covers("The data gets replicated", "replication"));
    assert!(covers("Read-Replicas lag behind", "read replica"));
    assert!(!covers("I read the docs. Then a replica", "read replica"));
}

#[test]
fn phrases_allow_small_gaps_and_drop_function_words() {
    assert!(covers(
        "there are more ways you can search",
        "more ways to search"
    ));
    assert!(covers(
        "more different ways of searching",
        "more ways to search"
    ));
    assert!(!covers(
        "more of the old data, and then you search",
        "more ways to search"
    ));
    assert!(!covers("more ways. Search later", "more ways to search"));
    assert!(!covers("scale out", "scale up"));
    assert!(!covers("a spin of the wheel", "spin up"));
}

#[test]
fn words_written_together_or_apart() {
    assert!(covers("nginx is a lightweight web server", "webserver"));
    assert!(covers("two webservers", "web server"));
    assert!(covers("in another datacentre", "data center"));
    assert!(!covers("cron", "acronym"));
}

#[test]
fn spelling_slips_but_not_in_numbers() {
    assert!(covers("replcation to a second box", "replication"));
    assert!(covers("it is asynchronus", "asynchronous"));
    assert!(!covers("RAID 0 is fast", "RAID 5"));
    assert!(!covers("RAID 50", "RAID 5"));
    assert!(!covers("ext3", "ext4"));
    assert!(!covers("a log file", "lag"));
    // A real word is taken as written, not as a slip of another.
    assert!(!covers("share many disks", "spare disk"));
    assert!(!covers("the white paper", "write"));
    assert!(covers("a spaer disk", "spare disk"));
}

#[test]
fn glossary_synonyms_and_abbreviations() {
    assert!(covers("put it in another AZ", "another availability zone"));
    assert!(covers("RAID 1+0: mirrored pairs, striped", "RAID 10"));
    assert!(covers("heavy I/O", "heavy IO"));
    assert!(covers("scale the DB", "database"));
    assert!(covers("memcache", "memcached"));
    assert!(covers("move to a beefier server", "bigger server"));
    assert!(covers("move to a larger server", "bigger server"));
}

#[test]
fn british_spellings() {
    assert!(covers("virtualised hardware", "virtualized"));
    assert!(covers("a second datacentre", "datacenter"));
    assert!(covers("noisy neighbours", "noisy neighbor"));
}

#[test]
fn negated_terms_do_not_count() {
    assert!(!covers(
        "I wouldn't bother with restore tests",
        "restore + test"
    ));
    assert!(!covers("honestly it's not that important", "important"));
    assert!(!covers("there's no need for a firewall", "firewall"));
    assert!(!covers("use RAID 10 instead of RAID 5", "RAID 5"));
    assert!(covers("use RAID 10 instead of RAID 5", "RAID 10"));
    // The key's own negation is part of the phrase, not a cue against it.
    assert!(covers("fine with no DBA on staff", "no DBA"));
    assert!(covers("works without a DBA", "without + DBA"));
    // Every term must be free of negation.
    assert!(!covers(
        "I wouldn't bother with restore tests, testing is for QA",
        "test + restore"
    ));
    // A negation the key names itself must negate the key's other term.
    assert!(covers("you can't tune the engine", "not + tune"));
    assert!(!covers("You can tune it. I don't like it.", "not + tune"));
}

#[test]
fn contractions_open_up() {
    // "I'd" is "I" (would), never the glossary's "ID"; "isn't" negates like "is not".
    let m = Marker::new(Glossary::new([vec!["intrusion detection system", "IDS"]]).unwrap());
    let point = m.key_point([["detection"]]);
    assert!(!m.mark("I'd watch the logs", std::slice::from_ref(&point))[0].covered);
    assert!(m.mark("an IDS watches", &[point])[0].covered);
    assert!(!covers("replication isn't asynchronous", "asynchronous"));
    assert!(!covers(
        "the company's servers can't fail over",
        "fail over"
    ));
}

#[test]
fn evidence_is_the_answer_words_that_matched() {
    assert_eq!(
        evidence(
            "It mirrors each pair, then stripes.",
            "RAID 10 | mirror + stripe"
        ),
        ["mirrors", "stripes"]
    );
    assert_eq!(evidence("Two AZs", "availability zone"), ["AZs"]);
    assert_eq!(evidence("a web server", "webserver"), ["web server"]);
    assert_eq!(
        evidence("RAID 5: parity on each write", "RAID 5 + parity"),
        ["RAID 5", "parity"]
    );
    assert!(evidence("nothing here", "webserver").is_empty());
}

#[test]
fn hostile_text_is_marked_without_panicking() {
    let m = marker();
    let point = m.key_point([["raid 10"]]);
    for text in [
        "’’’",
        "1+0+0+",
        "a\u{0}b",
        "ǅ Ǆ ß İ",
        "--- ... ,,,",
        "RAID\n10",
        "ℕ𝟘 ５",
    ] {
        m.mark(text, std::slice::from_ref(&point));
    }
    let long = "replication mirror ".repeat(2_000);
    assert!(!m.mark(&long, &[point])[0].covered);
}

#[test]
fn an_ending_the_stemmer_does_not_know_still_matches_a_long_stem() {
    assert!(covers(
        "it keeps every machine in line automatically",
        "automate"
    ));
    assert!(covers("read replicas", "replication"));
    assert!(!covers("a statement", "state"));
}

#[test]
fn dismissals_that_come_after_the_term() {
    assert!(!covers(
        "Multi-AZ I don't see the point of",
        "multi availability zone"
    ));
    assert!(!covers("firewalls are outdated thinking", "firewall"));
    assert!(!covers(
        "I'd disagree that replication is needed",
        "replication"
    ));
}

#[test]
fn a_phrase_in_another_order_counts_when_its_words_are_close() {
    assert!(covers(
        "RAID 5 has a penalty on every write",
        "write penalty"
    ));
    assert!(!covers(
        "writes are fine. The penalty comes from the parity",
        "write penalty"
    ));
    assert!(!covers(
        "writes go to the log first, and only much later is there any kind of penalty",
        "write penalty"
    ));
}
