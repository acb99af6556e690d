//! Statements of absence (`未收到…申请`): a negator, then within reach what it negates.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// A statement of absence (SPEC §5, DOMAIN §10.3): a negator, then within reach
/// one of `words`.
pub(super) struct Negation {
    pub(super) key: &'static str,
    pub(super) words: &'static [&'static str],
    /// A clause holding one of these states something else (`未收到…行政复议申请`
    /// is about reviews, not requests; `未按收费通知要求缴纳费用` is table 3's row).
    pub(super) not_in_clause: &'static [&'static str],
    /// Words between negator and key word that make the negator govern something
    /// else (`未按时答复的申请`, `没有现成信息`).
    pub(super) not_between: &'static [&'static str],
    /// A `被` between that files what the key word names (`没有…被提起行政复议`,
    /// `被申请行政复议`, not `被申请人`) turns nothing: the review or lawsuit brought is what
    /// is negated (`passive_filing_only`).
    pub(super) filed_passive: bool,
    /// Outcomes right after the key word that are what is negated
    /// (`未发生…被复议纠错或诉讼败诉` says reviews happened).
    pub(super) outcomes: &'static [&'static str],
}

impl Negation {
    /// Whether the rule does not apply to `clause`: its key already stated in the sentence, or
    /// the clause about something else.
    pub(super) fn barred(&self, clause: &str, done: &[&str]) -> bool {
        done.contains(&self.key) || self.not_in_clause.iter().any(|w| super::has(clause, w))
    }
}

pub(super) const NEGATION_RULES: &[Negation] = &[
    // `本年度我区未收到政府信息公开申请`, `我镇没有依申请公开政府信息申请事项`,
    // `2015年，我局未收到公民提出的公开政府信息申请`.
    Negation {
        key: "requests_received",
        words: &["申请"],
        not_in_clause: &["复议", "诉讼", "投诉", "举报", "申诉", "许可", "补正", "按收费通知"],
        // `未因政府信息公开申请收取…费用`: the request is the fee's cause; the fee is negated.
        not_between: &["答复", "办理", "办结", "处理", "按时", "超期", "逾期", "延期", "正当理由", "被", "因", "不予"],
        filed_passive: false,
        outcomes: &["人", "收取", "收费", "费用"],
    },
    // `没有不予公开的申请`, `未出现不予公开情形`, `未作出不予公开答复`: no request refused. Not
    // `没有应公开而不予公开的情况` (information withheld that should have been disclosed).
    Negation {
        key: "requests_denied",
        words: &["不予公开"],
        not_in_clause: &["主动公开", "依申请公开信息"],
        not_between: &["被", "除", "以外", "之外", "应", "而"],
        filed_passive: false,
        outcomes: &[],
    },
    // `无收费及减免情况`, `未收取任何费用`, `均未对依申请提供政府公开信息进行收费`,
    // `本年度没有产生信息公开处理费`.
    Negation {
        key: "fees_yuan",
        words: &["收费", "收取", "费用", "处理费"],
        // (Nor charges the body makes for its own service: `未发生乱收费现象`, `未发现违规收费问题`.)
        not_in_clause: &["行政事业性收费", "按收费通知", "缴纳费用", "乱收费", "违规收费", "擅自收费"],
        not_between: &["被"],
        filed_passive: false,
        outcomes: &[],
    },
    // `未发生因政府信息公开引发的行政复议`, `未收到有关政府信息公开行政复议申请`.
    // Not `该行政复议件未被复议机关纠错`, `未发生…被复议纠错或诉讼败诉`, `未经复议直接起诉`.
    Negation {
        key: "reviews",
        words: &["复议"],
        not_in_clause: &[],
        not_between: &["被", "纠错", "纠正", "败诉"],
        filed_passive: true,
        outcomes: &["纠错", "纠正", "撤销", "败诉", "机关纠", "被纠", "确认违法"],
    },
    // `没有发生因政府信息公开引发的…行政诉讼`.
    Negation {
        key: "lawsuits",
        words: &["诉讼"],
        not_in_clause: &[],
        not_between: &["被", "纠错", "纠正", "败诉"],
        filed_passive: true,
        outcomes: &["败诉", "纠错", "纠正", "撤销", "确认违法"],
    },
    // `我镇未召开新闻发布会`, `全年未单独召开新闻发布会`. Not conferences others held
    // (`未参加…发布会`).
    Negation {
        key: "press_conferences",
        words: &["新闻发布会", "发布会"],
        not_in_clause: &["参加", "出席", "参与"],
        not_between: &["被"],
        filed_passive: false,
        outcomes: &[],
    },
    // `未收到针对我镇政府信息公开事务有关的申诉案`.
    Negation {
        key: "complaints",
        words: &["申诉", "投诉", "举报"],
        not_in_clause: &["信访举报投诉类", "类申请"],
        not_between: &["被"],
        filed_passive: false,
        outcomes: &[],
    },
];

/// Whether every `被` of `between` files something (`被提起`, `被申请` but not `被申请人`): a
/// review or lawsuit brought, not one that decided (`未被复议机关纠错`). The party it was
/// brought against (`以我局为被申请人的`, `作为被告的`) names a filing too.
pub(super) fn passive_filing_only(between: &str) -> bool {
    between.match_indices('被').all(|(i, _)| {
        let after = &between[i + '被'.len_utf8()..];
        let respondent = between[..i].ends_with('为') && (after.starts_with("申请人") || after.starts_with("告"));
        respondent || after.starts_with("提起") || (after.starts_with("申请") && !after.starts_with("申请人"))
    })
}

/// (`零` only before what it counts none of: `零收费`, `零投诉`.)
pub(super) const NEGATORS: &[&str] = &["没有", "未", "无", "不存在", "不收取", "零"];
/// The first characters of [`NEGATORS`].
#[cfg(test)] // `may_negate` reads them by their bytes.
pub(super) const NEGATOR_STARTS: [char; 5] = ['没', '未', '无', '不', '零'];

/// Whether `s` holds a character that starts a negator, or a zero stated after its subject.
pub(super) fn may_negate(s: &str) -> bool {
    // One packed (SIMD) search for the UTF-8 of 没 未 无 不 零 and of 为零, 为0
    // (`NEGATOR_STARTS`, `has(s, "为零") || has(s, "为0")`): a loop over every byte of
    // each sentence tested a third of its Han characters' lead bytes.
    static NEGATION_MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(["没", "未", "无", "不", "零", "为零", "为0"])
            .expect("negation marks automaton")
    });
    NEGATION_MARKS.is_match(s)
}

/// A zero stated after what it counts, ending its clause: `行政复议、行政诉讼案件均为零`,
/// `政府信息公开申请数量为0`. Longest first.
const ZERO_AFTER: &[&str] = &["均为零", "均为0", "都为零", "皆为零", "为零", "为0"];

/// Where a clause's closing zero statement starts (`ZERO_AFTER`), when it has one.
pub(super) fn zero_statement(clause: &str) -> Option<usize> {
    let t = clause.trim_end();
    let z = ZERO_AFTER.iter().find(|z| t.ends_with(**z))?;
    let at = t.len() - z.len();
    // `为0` of `…为10`, `为0.5`: another number.
    let before = t[..at].chars().next_back();
    (!before.is_some_and(|c| c.is_ascii_digit() || c == '.')).then_some(at)
}

/// What `零` right before it says there was none of (`零收费`, `零投诉`).
const ZERO_OF: &[&str] = &["收费", "投诉", "举报", "申诉"];

/// `无` starting another word (无论, 无法, 无正当理由 …) is no negation.
pub(super) const NOT_NEGATING_AFTER_WU: &[char] = &[
    '论', '纸', '缝', '偿', '障', '法', '须', '需', '疑', '效', '私', '不', '限', '线', '形', '误', '一', '序', '力',
    '故', '正',
];
/// `未` starting another word: 未经 (`未经复议直接起诉`), 未被 (`未被复议机关纠错`),
/// 未按/未在/未及 (`未按时答复`), 未予.
pub(super) const NOT_NEGATING_AFTER_WEI: &[char] = &['经', '被', '按', '在', '及', '予', '能', '来'];
/// `没有` starting another phrase: 没有现成信息 (table 3's row).
pub(super) const NOT_NEGATING_AFTER_MEIYOU: &[char] = &['现'];

/// How far (characters) a key's words may follow the negator.
pub(super) const NEGATION_REACH: usize = 30;

/// Where `word` occurs in `s` (the text right after a negator). `申请` of `依申请`
/// counts for requests only right after the negator or its verb (`未接收到依申请公开`,
/// `无依申请公开政务信息情况`), not further on (`没有发生…依申请公开的信息…`).
pub(super) fn find_word(s: &str, word: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = super::find_short(&s[from..], word) {
        let at = from + p;
        let yi = key == "requests_received" && s[..at].ends_with('依');
        if !yi || NEGATED_VERBS.iter().any(|v| s[..at - '依'.len_utf8()] == **v) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// What a negator may govern right before `依申请`: nothing, or a verb of receiving.
pub(super) const NEGATED_VERBS: &[&str] = &["", "收到", "接到", "接收到", "接收", "受理", "发生", "产生", "有"];

/// The first negator of a clause.
pub(super) fn find_negator(clause: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for n in NEGATORS {
        let mut from = 0;
        while let Some(p) = super::find_short(&clause[from..], n) {
            let at = from + p;
            from = at + n.len();
            let next = clause[at + n.len()..].chars().next();
            let skip = match *n {
                // (`无不` is "all": but `无不予公开情形` negates the refusal.)
                "无" => {
                    next.is_none_or(|c| NOT_NEGATING_AFTER_WU.contains(&c))
                        && !clause[at + n.len()..].starts_with("不予")
                }
                "未" => {
                    let rest = &clause[at + n.len()..];
                    // 未被 negates a filing (`未被提起行政诉讼`, `未被申请行政复议`), not a decision.
                    let filing = rest.starts_with("被提起") || rest.starts_with("被申请行政复议");
                    (next.is_none_or(|c| NOT_NEGATING_AFTER_WEI.contains(&c)) && !filing)
                        || clause[..at].ends_with('尚')
                }
                "没有" => next.is_none_or(|c| NOT_NEGATING_AFTER_MEIYOU.contains(&c)),
                // `零` of a numeral (`一百零五件`) or anything but a fee or complaint right after it.
                "零" => !ZERO_OF.iter().any(|w| clause[at + n.len()..].starts_with(w)),
                _ => false,
            };
            if skip {
                continue;
            }
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, n));
            }
            break;
        }
    }
    best
}
