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
            "availability zone = AZ",
            "RAID 10 = RAID 1+0 = RAID10",
            "I/O = IO",
            "database = DB",
            "memcached = memcache",
            "bigger = larger = beefier",
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
    let m = Marker::new(Glossary::new(["intrusion detection system = IDS"]).unwrap());
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

/// A marker that knows some kinds of things, for the rules about them.
fn kinds_marker() -> Marker {
    Marker::new(
        Glossary::new([
            "vi = vim",
            "kind text editor: vi, emacs, nano",
            "kind web server: Apache, nginx",
            "kind relational database: MySQL, Oracle",
            "kind RAID level: RAID 5, RAID 6, RAID 10",
            "idiom: on-call rotation",
        ])
        .unwrap(),
    )
}

fn covers_with(m: &Marker, answer: &str, key: &str) -> bool {
    let point = m.key_point(key.split('|').map(|alt| alt.split('+').collect::<Vec<_>>()));
    m.mark(answer, &[point])[0].covered
}

#[test]
fn a_member_of_a_kind_stands_for_itself_only() {
    let m = kinds_marker();
    // A version of the member is it; another member is not.
    assert!(covers_with(&m, "I edit in vim", "vi"));
    assert!(!covers_with(&m, "I edit in nano", "vi"));
    // What is said of another member does not count for the point's own.
    let newer = "nginx is newer | nginx + newer";
    assert!(covers_with(&m, "nginx is the newer one", newer));
    assert!(!covers_with(
        &m,
        "Apache is the newer one and lighter, nginx uses more memory",
        newer
    ));
    let editor = "vi | text editor";
    assert!(covers_with(&m, "a terminal text editor", editor));
    assert!(!covers_with(&m, "nano is my text editor", editor));
    assert!(!covers_with(&m, "a text editor like nano", editor));
    // Speech running on: what follows unintroduced is the next clause.
    assert!(covers_with(
        &m,
        "a terminal text editor nano is another",
        "editing in a terminal | text editor | vi"
    ));
    // Said of a list that holds the point's own member, it counts.
    let stalls = "database looks stalled | MySQL + stall";
    assert!(covers_with(
        &m,
        "a database like MySQL or Oracle stalls",
        stalls
    ));
    // A key point about RAID 5 is not covered by what is said of RAID 10.
    let penalty = "RAID 5 write penalty | write penalty";
    assert!(covers_with(&m, "RAID 5 has a write penalty", penalty));
    assert!(!covers_with(&m, "RAID 6 has a write penalty too", penalty));
}

#[test]
fn a_word_naming_a_member_is_matched_by_name_only() {
    let m = Marker::new(
        Glossary::new([
            "Elastic Beanstalk = Beanstalk",
            "kind CDN: CloudFront, Fastly",
            "kind PaaS: Heroku, Elastic Beanstalk",
            "kind RAID level: RAID 0, RAID 10",
        ])
        .unwrap(),
    );
    assert!(!covers_with(&m, "a CDN such as Fastly", "loads faster"));
    assert!(covers_with(
        &m,
        "with Fastly pages load faster",
        "loads faster"
    ));
    assert!(!covers_with(
        &m,
        "We run on Elastic Beanstalk",
        "elasticity"
    ));
    assert!(covers_with(&m, "We run on Beanstalk", "Elastic Beanstalk"));
    // A key word that names no member is still the member's word as written.
    assert!(covers_with(
        &m,
        "RAID 0 across EBS volumes",
        "RAID + volumes"
    ));
}

#[test]
fn a_negation_term_is_any_negation_before_the_other_term() {
    let key = "waterfall | not + waterfall";
    assert!(covers(
        "instead of waterfall we ship weekly",
        "not + waterfall"
    ));
    assert!(covers("no more waterfall releases", "not + waterfall"));
    assert!(covers("we never did waterfall", "not + waterfall"));
    assert!(covers("rather than waterfall, agile", key));
    // A rejection that comes after is no contrast: it is rejected.
    assert!(!covers("Waterfall has nothing to do with it", key));
}

#[test]
fn an_article_is_no_letter_of_a_word() {
    assert!(!covers(
        "multi a z is a synchronous copy in another zone",
        "asynchronous"
    ));
    assert!(covers("read replicas are asynchronous", "asynchronous"));
    assert!(covers("an a m i of the server", "AMI"));
}

#[test]
fn plurals_of_acronyms_are_their_singular() {
    assert!(covers("more CPUs and GPUs", "more CPU + GPU"));
    assert!(covers("give it more cpus", "more CPU"));
}

#[test]
fn a_variant_ending_its_canonical_form_is_not_written_twice() {
    let m = Marker::new(Glossary::new(["Elastic Beanstalk = Beanstalk"]).unwrap());
    assert_eq!(m.stems("Elastic Beanstalk"), ["elast", "beanstalk"]);
    assert_eq!(m.stems("on Beanstalk"), ["on", "elast", "beanstalk"]);
}

#[test]
fn a_pronoun_speaks_of_the_member_named_before_it() {
    let m = kinds_marker();
    let editor = "vi | text editor";
    assert!(!covers_with(&m, "i use nano it's a text editor", editor));
    assert!(!covers_with(
        &m,
        "I use nano. It's a fine text editor.",
        editor
    ));
    assert!(covers_with(
        &m,
        "I use vim. It's a fine text editor.",
        editor
    ));
    assert!(covers_with(&m, "It's a text editor.", editor));
}

#[test]
fn a_reason_speaks_of_the_member_its_sentence_named() {
    let m = kinds_marker();
    let fast = "fast I/O | faster + writes | RAID 10 + fast";
    assert!(!covers_with(
        &m,
        "RAID 5 is the best choice, because parity makes writes faster.",
        fast
    ));
    assert!(!covers_with(
        &m,
        "RAID 5 is the best choice, since parity makes writes faster.",
        fast
    ));
    assert!(covers_with(
        &m,
        "RAID 10 is the best choice, because striping makes writes faster.",
        fast
    ));
    assert!(covers_with(
        &m,
        "Because it stripes, writes are faster.",
        fast
    ));
}

#[test]
fn a_member_preferred_over_another_rejects_it() {
    let m = kinds_marker();
    assert!(!covers_with(&m, "I'd take RAID 5 over RAID 10", "RAID 10"));
    assert!(covers_with(&m, "I'd take RAID 10 over RAID 5", "RAID 10"));
}

#[test]
fn an_idiom_is_not_its_words() {
    let m = kinds_marker();
    assert!(!covers_with(
        &m,
        "I'm on the on-call rotation",
        "log + rotation"
    ));
    assert!(covers_with(&m, "logs need rotation", "log + rotation"));
}

#[test]
fn letters_spelled_one_by_one_are_the_word() {
    assert!(covers("e b s volumes", "EBS"));
    assert!(covers("on e c two", "EC2"));
    assert!(covers("i like x f s", "xfs"));
    assert!(covers("a r sync job", "rsync"));
    assert!(!covers("e b c", "EBS"));
}

#[test]
fn small_words_between_a_phrases_words_are_not_counted() {
    // "a lot of" is one word more between "takes" and "load", not three.
    assert!(covers("it takes a lot of the load off", "take + load off"));
    assert!(covers(
        "takes a lot of load off the backend",
        "take load off"
    ));
    assert!(!covers("takes time, money and patience, load", "take load"));
}

#[test]
fn the_terms_of_an_alternative_stand_near_each_other() {
    let key = "hard + scale";
    assert!(covers("relational databases are hard to scale", key));
    let far = format!(
        "it is hard. {} Later they scale.",
        "Words go on about other things entirely. ".repeat(6)
    );
    assert!(!covers(&far, key));
}

#[test]
fn spoken_answers_read_like_typed_ones() {
    assert!(covers("um so raid ten uh mirrors", "RAID 10"));
    assert!(covers("sixty four bit", "64 bit"));
    assert!(!covers(
        "i would not use raid five i prefer raid ten",
        "RAID 5"
    ));
    assert!(covers(
        "i would not use raid five i prefer raid ten",
        "RAID 10"
    ));
}

#[test]
fn a_phrase_inside_a_longer_glossary_term_is_not_said() {
    let m = Marker::new(
        Glossary::new([
            "multi availability zone = multi-AZ",
            "availability zone = AZ",
            "virtual private cloud = VPC",
        ])
        .unwrap(),
    );
    assert!(!covers_with(
        &m,
        "Multi-AZ is a standby",
        "availability zone"
    ));
    assert!(covers_with(
        &m,
        "a standby in another AZ",
        "availability zone"
    ));
    assert!(!covers_with(&m, "a VPC", "private cloud"));
    assert!(covers_with(&m, "a VPC", "virtual private cloud"));
}

#[test]
fn what_follows_a_description_in_its_clause_is_what_it_speaks_of() {
    let m = Marker::new(Glossary::new(["kind scheduler: cron, systemd timers"]).unwrap());
    let key = "cron | scheduled + job";
    assert!(!covers_with(
        &m,
        "For scheduled jobs I use systemd timers",
        key
    ));
    assert!(covers_with(&m, "For scheduled jobs I use cron", key));
    assert!(covers_with(
        &m,
        "scheduled jobs, and systemd timers elsewhere",
        "job scheduling | cron | scheduled + job"
    ));
}

#[test]
fn letters_join_the_word_as_written_when_the_glossary_read_it_otherwise() {
    let m = Marker::new(Glossary::new(["synchronous = sync"]).unwrap());
    assert!(covers_with(&m, "r sync for copying", "rsync"));
    assert!(covers_with(&m, "the copies are sync", "synchronous"));
}

#[test]
fn words_a_phrase_holds_apart_are_not_one_word() {
    assert!(!covers("apply the updates", "up to date"));
    assert!(covers("keep packages up to date", "up to date"));
    assert!(covers("one webserver", "web server"));
}

#[test]
fn a_word_whose_stem_changes_its_first_letters_still_matches() {
    // "using" is stemmed "use": short words are always stemmed.
    assert!(covers("we were using cron for it", "use + cron"));
    assert!(covers("the instances were dying", "die"));
}

/// Marks `answer` against several key points written as in content files: `a | b + c`.
fn marks(answer: &str, keys: &[&str]) -> Vec<bool> {
    let m = marker();
    let points: Vec<KeyPoint> = keys
        .iter()
        .map(|k| m.key_point(k.split('|').map(|alt| alt.split('+').collect::<Vec<_>>())))
        .collect();
    m.mark(answer, &points).iter().map(|p| p.covered).collect()
}

#[test]
fn an_everyday_word_counts_only_among_the_questions_words() {
    let keys = ["log rotation | rotation", "compress + log | old logs"];
    assert_eq!(
        marks("We have an on-call rotation for the pager.", &keys),
        [false, false]
    );
    assert_eq!(
        marks("Rotation, so the disk never fills up with logs.", &keys),
        [true, false]
    );
    assert_eq!(
        marks("Old logs get compressed. Rotation keeps them small.", &keys),
        [true, true]
    );
    // A name or an acronym needs no support.
    assert_eq!(
        marks("We use Redis.", &["Redis", "memory cache"]),
        [true, false]
    );
}

#[test]
fn an_alternative_naming_no_member_speaks_of_the_labels() {
    let m = kinds_marker();
    // "apache + older" sets Apache against the point; the point is about nginx.
    let newer = "nginx is newer | came later | apache + older";
    assert!(covers_with(&m, "nginx came later", newer));
    assert!(covers_with(&m, "Apache is older", newer));
    assert!(!covers_with(
        &m,
        "Nginx is the older one; Apache is the rewrite that came later",
        newer
    ));
}

#[test]
fn a_point_is_about_the_member_its_first_naming_alternative_names() {
    let m = kinds_marker();
    let efficient = "more efficient | less memory | nginx + faster | apache + heavier";
    assert!(!covers_with(
        &m,
        "Apache is the one that uses less memory per connection",
        efficient
    ));
    assert!(covers_with(&m, "nginx uses less memory", efficient));
    assert!(covers_with(&m, "Apache is heavier", efficient));
    assert!(covers_with(&m, "It uses less memory", efficient));
}

#[test]
fn a_phrase_in_another_order_does_not_reach_over_and() {
    let m = kinds_marker();
    let newer = "nginx is newer";
    assert!(!covers_with(
        &m,
        "apache is actually the newer one and nginx is the old heavy one",
        newer
    ));
    assert!(covers_with(&m, "newer is nginx", newer));
}

#[test]
fn what_is_said_is_said_of_the_nearest_member_named() {
    let m = kinds_marker();
    let older = "apache is older | apache + old";
    assert!(!covers_with(
        &m,
        "apache is actually the newer one and nginx is the old heavy one",
        older
    ));
    assert!(covers_with(
        &m,
        "nginx is new and apache is the old one",
        older
    ));
}

#[test]
fn letters_spelled_with_a_plural_ending_are_the_word() {
    assert!(covers("faster s s ds", "SSD"));
    assert!(covers("spin up v ms", "VM"));
    assert!(!covers("v mist", "VM"));
}

#[test]
fn an_answer_naming_only_other_members_speaks_of_them() {
    let m = kinds_marker();
    let editor = "vi | text editor";
    assert!(!covers_with(
        &m,
        "I mostly use nano. Handy little text editor.",
        editor
    ));
    assert!(covers_with(&m, "A terminal text editor, always.", editor));
    assert!(covers_with(
        &m,
        "Not nano. The text editor I know is vim.",
        editor
    ));
    // A point whose label describes more than the member is not about the member alone.
    let penalty = "RAID 5 write penalty | write penalty";
    assert!(covers_with(
        &m,
        "RAID 10 is fine. Parity levels pay a write penalty.",
        penalty
    ));
}

#[test]
fn a_member_said_to_be_the_opposite_is_not_what_a_later_clause_says() {
    let m = kinds_marker();
    let newer = "nginx is newer | nginx + newer | apache + older";
    assert!(!covers_with(
        &m,
        "Apache is actually the younger project and the lighter one on resources, nginx came first and is the heavier, older design.",
        newer
    ));
    assert!(covers_with(
        &m,
        "Apache is the older project, nginx came later.",
        newer
    ));
}
