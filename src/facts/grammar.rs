//! The grammar of a stated count (SPEC §5): which canonical key a number takes
//! from the words around it in its clause.
//!
//! A counted number (`12件`, `3 场`) is keyed by the predicate that ends right
//! before it in its clause, once the filler between them is set aside
//! (`主动公开政府信息的数量为99条`: predicate `主动公开政府信息`, filler `的数量为`).
//! Anything else between predicate and number means the number counts something
//! else (`主动公开文件数为21条`, `不予公开信息数95条`): no key. A few shapes put
//! the key word after the number (`举行3次新闻发布活动`, `共收到70件申请`,
//! `有1件…申请行政复议`). Every rule below names the sentence shape it comes
//! from; `tests/core/prose/shapes.rs` reads a sentence of each shape.
//!
//! All matching runs on the sentence with its whitespace removed, so that
//! `申请 12 件` and a hard-wrapped `主动公开各类政\n府信息 5500 余条` read as
//! printed without spaces.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::{has, near_head, near_tail, rfind_short};

/// Filler that may stand between a predicate and its number, longest first
/// (`…申请共计81件`, `…信息数为133条`, `…访问量达72065人次`).
const FILLER: &[&str] = &[
    "分别为",
    // (Before `数为`: `申请总数为36件` is 总数 + 为, not 总 + 数为.)
    "总数为",
    "总量为",
    "数量为",
    "人民币",
    "共计",
    "总计",
    "合计",
    "累计",
    "一共",
    "总数",
    "数量",
    "总量",
    "件数",
    "条数",
    "次数",
    "人数",
    "场次",
    "达到",
    "超过",
    "突破",
    "共有",
    "约为",
    "数为",
    "共",
    "计",
    "数",
    "为",
    "达",
    "有",
    "约",
    "近",
    "逾",
    "超",
    "的",
    "了",
    "是",
    "：",
    ":",
    "已",
];

/// Filler that states a total (`公开信息数量共计69条`): the weak proactive shape needs one.
const TOTAL_FILLER: &[&str] =
    &["共计", "总计", "合计", "总数", "数量", "总量", "总数为", "总量为", "数量为", "共", "一共"];

/// `text` without trailing filler, and whether a total filler was among it.
fn strip_filler(text: &str) -> (&str, bool) {
    let mut t = text;
    let mut total = false;
    'outer: loop {
        for f in FILLER {
            if let Some(rest) = t.strip_suffix(f) {
                total |= TOTAL_FILLER.contains(f);
                t = rest;
                continue 'outer;
            }
        }
        return (t, total);
    }
}

/// `text` without one trailing word of `extras` (key-specific filler: `案件`, `答复`),
/// and the word stripped.
fn strip_extra<'a>(text: &'a str, extras: &[&'static str]) -> (&'a str, Option<&'static str>) {
    for e in extras {
        if let Some(rest) = text.strip_suffix(e) {
            return (rest, Some(*e));
        }
    }
    (text, None)
}

/// Units a key accepts.
fn unit_ok(key: &str, unit: &str) -> bool {
    let units: &[&str] = match key {
        "proactive_total" | "proactive_cumulative" => &["条", "件", "项", "个", "篇", "份"],
        "requests_received" => &["件", "条", "个", "份", "次", "起", "宗", "人次", "件次"],
        "requests_granted" | "requests_denied" => &["件", "条", "个", "份", "次", "宗", "件次"],
        "reviews" | "lawsuits" => &["件", "起", "次", "个", "宗", "例", "案"],
        "fees_yuan" => &["元", "万元", "千元", "亿元"],
        "complaints" => &["件", "起", "次", "个", "条", "宗", "人次"],
        "consultations" => &["次", "人次", "件", "个", "条", "批", "人", "件次"],
        "training_sessions" => &["次", "期", "场", "个", "批", "轮"],
        "training_attendees" => &["人", "人次", "名"],
        "press_conferences" => &["场", "次", "期", "个"],
        "site_visits" => &["次", "人次"],
        _ => &[],
    };
    units.contains(&unit)
}

/// What the sentence around a number says, as far as the grammar needs it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Context {
    /// The sentence (or the one before, or its section) is about handling requests
    /// (`共受理政府信息公开申请859件…。予以公开及部分公开258件…；不予公开35件`).
    pub requests: bool,
    /// The sentence up to the number (or its section) ties it to information
    /// disclosure (`因政府信息公开引起的行政复议案件2件`, `信息公开类行政复议7件`,
    /// `被申请行政复议2件`): a justice bureau's `全年办理行政复议案件120件` counts the
    /// reviews it decides as a review body, not reviews of its disclosure.
    pub disclosure: bool,
    /// The sentence speaks of other business (licensing, services: `受理申请3300件，
    /// 办件满意率100%`), so a bare `申请` is not a request for information.
    pub business: bool,
    /// The number opens a clause after a label naming requests (`受理申请情况：共受理12件`).
    pub requests_label: bool,
}

/// A keyed reading of one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Keyed {
    pub key: &'static str,
    /// How sure the shape is, for `proactive_total` (3: `主动公开…政府信息`,
    /// 2: `公开/发布/公布…政府信息`, 1: `公开信息数量共计…`, 0: a field's information of the
    /// year, `全年主动公开涉税信息612条`); 3 for other keys but
    /// consultations on a field's own business (1, `reader::field_enquiries`).
    pub rank: u8,
}

#[allow(clippy::unnecessary_wraps)] // one of the rules' readers, all returning an Option
fn keyed(key: &'static str) -> Option<Keyed> {
    Some(Keyed { key, rank: 3 })
}

/// Whether `text` says conferences were attended (`出席`, `参与`), not held: others' conferences.
fn attended(text: &str) -> bool {
    ["出席", "参与", "参加", "列席", "陪同"].iter().any(|w| has(text, w))
}

/// Verbs of receiving requests (`共收到…申请`, `受理…申请`, `接收…申请`).
const RECEIVING: &[&str] = &["收到", "受理", "接收", "接到", "新收", "收悉", "登记", "提交", "提出", "共收"];
/// Verbs of handling requests, which count answers, not receipts (`答复政府信息公开申请805件`,
/// `办理政府信息公开申请218件`, `办结依申请2件`).
const HANDLING: &[&str] = &["答复", "办理", "办结", "处理", "回复", "完成", "审结", "结转", "转办"];
/// Words that place a count of requests elsewhere: carried over from last year
/// (`结转上年度政府信息公开申请1件`, `含上年度结转申请18件`), other years.
const NOT_THIS_YEARS_REQUESTS: &[&str] = &["结转", "上年", "去年", "上一年", "往年"];

/// The last occurrence of any of `words` in `s`: (start, end); of two ending at the
/// same place, the longer (`主动公开` over its `公开`).
fn last_of(s: &str, words: &Words) -> Option<(usize, usize)> {
    // Every occurrence of every word, in one scan: the latest end, and there the longest,
    // is the last occurrence of some word and the one the rule picks.
    words.0.find_overlapping_iter(s).map(|m| (m.start(), m.end())).max_by_key(|&(p, e)| (e, std::cmp::Reverse(p)))
}

/// A list of words searched as one (see [`last_of`]).
struct Words(AhoCorasick);

impl Words {
    fn new(words: &[&str]) -> Words {
        Words(AhoCorasick::new(words).expect("word list automaton"))
    }
}

/// The word of a request before `申请` that makes it a request for information
/// (`政府信息公开申请`, `公开申请`, `收到申请`, `有关…的申请`, `各类申请`); other
/// applications (`行政许可申请`, `行政复议申请`, `重复申请`) are not requests.
const REQUEST_BEFORE: &[&str] = &["信息公开", "公开", "的", "到", "理", "收", "关", "政府信息", "信息"];
/// Words of other business, with which a bare `受理申请3500件` counts applications of
/// another kind (licensing, services): see [`Context::business`].
pub(super) const OTHER_BUSINESS: &[&str] = &["许可", "审批", "办件", "政务服务", "业务", "项目", "备案", "登记"];

/// Words before `申请` that name another kind of application: `信访举报投诉类申请`,
/// `行政许可申请`, `行政复议申请`.
const NOT_REQUEST: &[&str] = &["许可", "复议", "诉讼", "信访", "举报", "投诉", "重复", "补正", "延期", "审批"];

/// `requests_received` (SPEC §5: `收到/受理 政府信息公开申请 N 件`).
///
/// Shapes: `共收到政府信息公开申请154件`; `受理政府信息公开申请 3119 件`;
/// `共收到政府信息公开申请3条`; `接收通过邮寄、网络提交的各类政府信息公开申请共计81件`;
/// `收到依申请信息公开 5 件`; `受理依申请公开81件`; a verbless `政府信息公开申请75件`.
/// Not: `答复政府信息公开申请805件`, `办理…申请218件`, `办结依申请2件` (handled),
/// `结转上年度政府信息公开申请1件` (carried over), `依申请公开173条` (information
/// items so classified), `行政许可申请`, `重复申请 3件`.
fn requests_received(window: &str, core: &str, ctx: Context) -> Option<Keyed> {
    // `收到依申请信息公开 N 件`, `受理依申请公开N件`: 依申请 needs a receiving verb.
    let (core, _) = strip_extra(core, &["件", "事项"]);
    // `共收到政府信息公开申请表3份`, `…申请材料9份`: the forms are the requests.
    let core =
        core.strip_suffix("表").or_else(|| core.strip_suffix("材料")).filter(|c| c.ends_with("申请")).unwrap_or(core);
    // `受理申请情况：共受理12件`, `依申请公开情况：全年收到12件`: a receiving verb alone, the label
    // before the colon naming the requests.
    if ctx.requests_label && RECEIVING_ALONE.contains(&bare_verb(core)) {
        return Some(Keyed { key: "requests_received", rank: 3 });
    }
    // `全年共办理申请36件，其中上年结转2件，本年新收34件`: in a sentence about requests, the
    // count received this year.
    if ctx.requests && (core.ends_with("新收") || core.ends_with("新收到")) {
        return (!NOT_THIS_YEARS_REQUESTS.iter().any(|w| has(window, w)))
            .then_some(Keyed { key: "requests_received", rank: 3 });
    }
    // `共受理申请公开政府信息9件`: 申请公开…信息 (not 依申请) needs a receiving verb too.
    let yi = [
        "依申请公开政府信息",
        "依申请信息公开",
        "依申请公开信息",
        "依申请公开",
        "依申请",
        "申请公开政府信息",
        "申请公开信息",
    ]
    .iter()
    .find(|w| core.ends_with(**w));
    let (kw_start, needs_verb) = if let Some(w) = yi {
        // (Opening its clause, `申请公开政府信息共8件` names the requests themselves.)
        // (`申请公开政府信息共8件` opening its clause, and `公民、法人和其他组织申请公开政府信息的
        // 数量为4件`, name the requests themselves: 申请 is their verb, unless the words before
        // it answer them, `不予公开申请公开政府信息…`.)
        let at = core.len() - w.len();
        let answered = ["公开", "答复", "同意", "不予"].iter().any(|a| has(near_tail(&core[..at], 10), a));
        (at, !w.starts_with("申请") || answered)
    } else if let Some(at) = request_for(core) {
        // `收到申请公开政府信息的要求2件`: a request worded as 申请…的要求.
        (at, true)
    } else {
        let at = core.strip_suffix("申请").map(str::len)?;
        let before = &core[..at];
        if before.ends_with('依') {
            return None;
        }
        if !REQUEST_BEFORE.iter().any(|w| before.ends_with(w)) {
            return None;
        }
        if NOT_REQUEST.iter().any(|w| has(near_tail(before, 8), w)) {
            return None;
        }
        // A verbless count needs the full noun: `政府信息公开申请75件`.
        let full = before.ends_with("信息公开") || before.ends_with("公开");
        if !full && ctx.business {
            return None;
        }
        (at, !full)
    };
    let head = &window[..kw_start.min(window.len())];
    if NOT_THIS_YEARS_REQUESTS.iter().any(|w| has(window, w)) {
        return None;
    }
    match verb_before(head) {
        Some(Verb::Handling) => None,
        Some(Verb::Receiving) => keyed("requests_received"),
        None if !needs_verb => keyed("requests_received"),
        None => None,
    }
}

/// Receiving verbs that count requests alone under a label naming them ([`names_requests`]).
const RECEIVING_ALONE: &[&str] = &["受理", "收到", "接收", "接到", "新收", "受理了", "收到了"];

/// A verb without the words of the year and of a total before it (`全年共受理` → `受理`).
fn bare_verb(core: &str) -> &str {
    let mut c = core;
    for w in ["本年度", "本年", "全年", "今年", "年内", "共", "总共", "一共"] {
        c = c.strip_prefix(w).unwrap_or(c);
    }
    c
}

/// Whether a label before a colon names requests for information (`受理申请情况`,
/// `依申请公开情况`, `政府信息公开申请`): short, with `申请`, ending with it or `情况`, and no
/// other kind of application (`行政复议申请情况`).
pub(super) fn names_requests(label: &str) -> bool {
    let label = label.trim();
    let body = label.strip_suffix("情况").unwrap_or(label);
    label.chars().count() <= 16
        && (body.ends_with("申请") || body.ends_with("申请公开"))
        && !NOT_REQUEST.iter().any(|w| has(body, w))
}

/// Where `申请` starts in a request worded as `申请公开政府信息的要求` / `…的请求`.
fn request_for(core: &str) -> Option<usize> {
    let body = core.strip_suffix("要求").or_else(|| core.strip_suffix("请求"))?;
    let near = near_tail(body, 14);
    let at = body.len() - near.len() + rfind_short(near, "申请")?;
    has(&body[at..], "公开").then_some(at)
}

enum Verb {
    Receiving,
    Handling,
}

/// The last verb of receiving or handling in `head`.
fn verb_before(head: &str) -> Option<Verb> {
    static LISTS: LazyLock<(Words, Words)> = LazyLock::new(|| (Words::new(RECEIVING), Words::new(HANDLING)));
    let r = last_of(head, &LISTS.0);
    let h = last_of(head, &LISTS.1);
    match (r, h) {
        (Some(r), Some(h)) => Some(if h.1 > r.1 { Verb::Handling } else { Verb::Receiving }),
        (Some(_), None) => Some(Verb::Receiving),
        (None, Some(_)) => Some(Verb::Handling),
        (None, None) => None,
    }
}

/// `requests_granted` (SPEC §5: `同意公开/予以公开`).
///
/// Shapes: `其中予以公开 12件，不予公开 3件`; `其中公开答复1件`; `同意公开答复数 3 件`.
/// A bare `予以公开 N` needs a sentence about requests.
/// Not: `予以公开及部分公开258件` (two outcomes together), `同意部分公开答复数`.
fn requests_granted(core: &str, ctx: Context) -> Option<Keyed> {
    let (rest, extra) = strip_extra(core, &["答复数", "答复", "决定", "申请"]);
    let answered = extra.is_some();
    for w in ["同意公开", "予以公开", "准予公开", "全部公开"] {
        if let Some(before) = rest.strip_suffix(w) {
            if before.ends_with('不') || before.ends_with("部分") || has(near_tail(before, 8), "部分") {
                return None;
            }
            // `全年予以公开200余条` of proactive items: disclosed, but no request answered.
            return (answered || ctx.requests || w == "同意公开").then_some(Keyed { key: "requests_granted", rank: 3 });
        }
    }
    // `公开答复1件`: the answer was disclosure.
    if matches!(extra, Some("答复" | "答复数")) {
        if let Some(before) = rest.strip_suffix("公开") {
            let refused =
                ["不予", "不", "部分", "否决", "免于", "免予", "依申请", "拒绝"].iter().any(|w| before.ends_with(w));
            if !refused && !has(near_tail(before, 8), "部分") {
                return keyed("requests_granted");
            }
        }
    }
    None
}

/// `requests_denied` (SPEC §5: `不予公开`).
///
/// Shapes: `其中不予公开35件`; `不予公开答复 2件`; `免于公开答复数3条`; `否决公开答复数 1 条`.
/// Not: `不予公开信息数95条`, `…依申请公开176条、不予公开77条` after `共制发政府信息378条`
/// (information items classified, not requests refused): a bare `不予公开 N` needs a
/// sentence about requests (see [`Context::requests`]).
fn requests_denied(core: &str, ctx: Context) -> Option<Keyed> {
    let (rest, extra) = strip_extra(core, &["答复数", "答复", "决定", "的申请", "申请", "件"]);
    let answered = matches!(extra, Some("答复" | "答复数" | "决定" | "的申请"));
    for w in ["不予以公开", "不予公开", "否决公开", "免于公开", "免予公开", "拒绝公开", "不同意公开"]
    {
        if rest.ends_with(w) {
            // (Consent is given to a request: `不同意公开` answers one, as `同意公开` does.)
            return (answered || ctx.requests || w == "不同意公开")
                .then_some(Keyed { key: "requests_denied", rank: 3 });
        }
    }
    None
}

/// Verbs that put information out (`主动公开`, `公开`, `发布`, `公布`).
const DISCLOSING: &[&str] = &["主动公开", "公开", "发布", "公布"];

/// Words before a disclosure verb that make the count a part or another stream:
/// `全文电子化的主动公开信息数共148条`, `其他应主动公开的政府信息25条`; with
/// [`CHANNEL_WORDS`], counts of one channel (`通过“平潭发布”公众号发布信息672条`,
/// `编发警务微信1451条`).
const PROACTIVE_NOT: &[&str] = &["全文电子化", "电子化", "其他", "其它", "依申请", "不予", "申请"];

/// Channels (a count of one is no total, [`PROACTIVE_NOT`]) unless a list of them closes with
/// `等渠道` (`通过门户网站、“某某发布”微信公众号等渠道主动公开政府信息1.2万余条`: all of them).
const CHANNEL_WORDS: &[&str] =
    &["微信", "微博", "公众号", "新媒体", "客户端", "政务号", "头条", "抖音", "报刊", "报纸", "电视", "广播", "短信"];

/// `proactive_total` (SPEC §5: `主动公开政府信息 N 条`), with a rank (see [`Keyed::rank`]).
///
/// Shapes: `2021年主动公开政府信息198条` (3); `主动公开政府信息的数量为99条` (3);
/// `主动公开信息数为133条` (3); `全年累计主动公开公安政府信息179条` (3, a qualifier
/// before 政府信息); `主动公开各类政\n府信息 5500 余条` (3); `公开各类政府信息N条`,
/// `公开机构职能、规划计划等政府信息N条`, `公布政府信息211条` (2);
/// `全年公开信息数量共计69条` (1: bare 公开信息 only with a stated total).
/// Not: `主动公开采购信息25条`, `主动公开市政府规章13件`, `主动公开文件数为21条`
/// (one kind of item), `公开信息1654条` and `本年度公开信息77条` (no stated total),
/// `发布各类信息46106条` (not 政府信息), `依申请公开信息数46条`, `不予公开信息数95条`.
fn proactive(window: &str, core: &str, total_filler: bool) -> Option<Keyed> {
    // `主动公开125条`, `主动公开了1000余条`.
    if let Some(before) = core.strip_suffix("主动公开").or_else(|| core.strip_suffix("主动公开了")) {
        return proactive_prefix_ok(before).then_some(Keyed { key: "proactive_total", rank: 3 });
    }
    let rest = core.strip_suffix("信息")?;
    let (rest, government) = match rest.strip_suffix("政府") {
        Some(r) => (r, true),
        None => (rest, false),
    };
    static DISCLOSING_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(DISCLOSING));
    let (verb_at, verb_end) = last_of(rest, &DISCLOSING_WORDS)?;
    let verb = &rest[verb_at..verb_end];
    let qualifier = &rest[verb_end..];
    let before = &rest[..verb_at];
    if qualifier.chars().count() > 24 || qualifier.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !proactive_prefix_ok(before) {
        return None;
    }
    // `公开` of `主动公开` was found as 公开 only when 主动 is not right before it.
    let active = verb == "主动公开";
    if government {
        if !active && ["不予", "依申请", "依", "申请"].iter().any(|w| before.ends_with(w)) {
            return None;
        }
        return Some(Keyed { key: "proactive_total", rank: if active { 3 } else { 2 } });
    }
    // Bare 信息: only `主动公开(了|各类|的)信息`, or `公开信息` stating a total.
    if !matches!(qualifier, "" | "了" | "各类" | "的" | "各类的") {
        return year_of_information(verb, before, qualifier);
    }
    if active {
        return Some(Keyed { key: "proactive_total", rank: 3 });
    }
    // (`全年共公开信息5600余条`: the total stated before the verb.)
    let total_before = ["共", "共计", "合计", "总计"].iter().any(|w| before.ends_with(w));
    if verb == "公开" && (total_filler || total_before) && !has(window, "其中") {
        return Some(Keyed { key: "proactive_total", rank: 1 });
    }
    year_of_information(verb, before, qualifier)
}

/// Kinds of information that are one part of what a body discloses, never the whole of it
/// (`主动公开采购信息25条`).
const PART_KINDS: &[&str] = &[
    "采购",
    "招标",
    "招投标",
    "人事",
    "招聘",
    "财务",
    "预算",
    "决算",
    "规划",
    "项目",
    "价格",
    "收费",
    "统计",
    "解读",
    "文件",
    "规章",
    "动态",
    "新闻",
    "政策",
    "公告",
    "通知",
    "会议",
    "建议",
    "提案",
    "执法",
    "处罚",
    "许可",
    "审批",
    "公示",
    "应急",
    "扶贫",
    "环境",
    "安全",
    "资金",
    "督查",
];

/// The year's information of a body's whole field, the weakest shape of a proactive total (rank 0,
/// kept only where the report states nothing surer: [`super::reconcile`]): `全年主动公开涉税信息612条`,
/// `全年共公开校务信息453条`, `全年在厅门户网站公开各类信息1894条`, `主动公开检察工作动态、检察政策、
/// 典型案例等信息986条` (kinds listed up to `等`). Not `主动公开采购信息25条` (one kind), nor a
/// count without the year's word or a list, nor what was put out of a field (`全年发布停限电信息326条`).
fn year_of_information(verb: &str, before: &str, qualifier: &str) -> Option<Keyed> {
    // (`予以公开各类信息300余条`: requests' answers.)
    if (verb != "主动公开" && verb != "公开") || ["予以", "同意", "部分"].iter().any(|w| before.ends_with(w))
    {
        return None;
    }
    let listed = qualifier.ends_with('等') && qualifier.contains('、');
    let whole_field = qualifier.chars().count() <= 8 && !PART_KINDS.iter().any(|w| has(qualifier, w));
    let of_year = ["全年", "本年度", "年度内", "一年来", "全年度"].iter().any(|w| has(before, w));
    // Information without a field's name is the year's only where put out on the body's site
    // (`全年在厅门户网站公开各类信息1894条`), not in one section's (`设立规划专栏，本年度公开信息64条`).
    let bare = matches!(qualifier, "" | "了" | "各类" | "的" | "各类的");
    let on_site = ["网站", "门户", "平台"].iter().any(|w| has(before, w)) && !has(before, "专栏");
    (listed || (whole_field && of_year && (!bare || on_site))).then_some(Keyed { key: "proactive_total", rank: 0 })
}

fn proactive_prefix_ok(before: &str) -> bool {
    let near = near_tail(before, 12);
    let all_channels = ["等渠道", "等平台", "等途径", "等方式", "等载体"].iter().any(|w| has(near, w));
    !PROACTIVE_NOT.iter().any(|w| has(near, w)) && (all_channels || !CHANNEL_WORDS.iter().any(|w| has(near, w)))
}

/// The key a counted number takes from the words before it (`window`: its clause
/// from the previous number on) and after it (`after`: the rest of its clause).
pub(super) fn classify(window: &str, after: &str, unit: &str, ctx: Context) -> Option<Keyed> {
    // Quotation marks around a label (`其中“同意公开”16件`) are no words of it.
    let unquoted: String;
    let window = if window.contains(is_quote) {
        unquoted = window.chars().filter(|&c| !is_quote(c)).collect();
        unquoted.as_str()
    } else {
        window
    };
    // An average is no count of the year (`门户网站日均访问量3000人次`, `月均受理申请5件`).
    if window.contains(['均', '每']) && AVERAGE_WORDS.iter().any(|w| has(window, w)) {
        return None;
    }
    let (core, total_filler) = strip_filler(window);
    let got = before_number(window, core, total_filler, unit, ctx);
    if let Some(k) = got {
        return unit_ok(k.key, unit).then_some(k);
    }
    after_number(window, after, unit).or_else(|| outcome_after(core, after, unit, ctx))
}

/// A request's outcome after its count, the count leading its clause, in a sentence about
/// requests: `其中4件予以公开，1件因涉及商业秘密不予公开`, `两件均同意公开`, `3件申请均予以公开`. Not `部分公开`;
/// a reason between the count and the outcome only as `因…` without another number.
fn outcome_after(core: &str, after: &str, unit: &str, ctx: Context) -> Option<Keyed> {
    // (Counted as requests are: `条` counts information items, `其中200条予以公开` of a proactive total.)
    let requests_unit = matches!(unit, "件" | "宗" | "份" | "个" | "件次");
    if !ctx.requests || !requests_unit || !matches!(core, "" | "其中" | "其中有" | "有") {
        return None;
    }
    // (`3件申请均予以公开`: the requests named again after their count.)
    let after = after.strip_prefix("申请").unwrap_or(after);
    let rest =
        ["均", "全部", "都", "已", "均已", "全部予以"].iter().find_map(|w| after.strip_prefix(w)).unwrap_or(after);
    let (reason, key) = if let Some(r) = rest.strip_suffix("不予公开") {
        (r, "requests_denied")
    } else if let Some(r) = ["予以公开", "同意公开", "准予公开"].iter().find_map(|w| rest.strip_suffix(w)) {
        (r, "requests_granted")
    } else {
        return None;
    };
    let plain = reason.is_empty() || reason == "已" || reason == "均";
    let because = reason.starts_with('因')
        && reason.chars().count() <= 20
        && !reason.contains(|c: char| c.is_ascii_digit() || matches!(c, '部' | '不' | '未'));
    (plain || because).then_some(Keyed { key, rank: 3 })
}

/// A request's outcome in the clause after its count's (`对申请公开…的1件，予以公开`, `…的1件，因涉及
/// 用户个人信息，不予公开`), in a sentence about requests: the count ends its clause (`after` empty),
/// the words before it name nothing (`其中`) or the request itself (`对…申请…的`); a reason of its
/// own clause (`因…`, no digit) may stand between.
pub(super) fn outcome_in_next_clause(window: &str, after: &str, rest: &str, unit: &str, ctx: Context) -> Option<Keyed> {
    if !after.is_empty() || !ctx.requests {
        return None;
    }
    let words = window.trim_start_matches(['，', ',', '；', ';', '：', ':']);
    let of_request = words.starts_with('对') && words.ends_with('的') && has(words, "申请");
    if !(of_request || matches!(strip_filler(words).0, "" | "其中")) {
        return None;
    }
    let clause = |t: &str| -> (usize, usize) {
        let t0 = t.len() - t.trim_start_matches(['，', ',']).len();
        let end = t[t0..].find(['，', ',', '。', '；', ';']).map_or(t.len(), |e| t0 + e);
        (t0, end)
    };
    let (a, b) = clause(rest);
    if a == 0 {
        return None;
    }
    let first = &rest[a..b];
    let outcome =
        if first.starts_with('因') && first.chars().count() <= 20 && !first.contains(|c: char| c.is_ascii_digit()) {
            let (c, d) = clause(&rest[b..]);
            format!("{first}{}", &rest[b + c..b + d])
        } else {
            first.to_string()
        };
    outcome_after("", &outcome, unit, ctx)
}

/// Words of an average or a rate (`每季度至少开展一次培训`): a number they label counts no total.
/// (Each holds `均` or `每`.)
const AVERAGE_WORDS: &[&str] =
    &["日均", "月均", "周均", "年均", "平均", "人均", "每日", "每天", "每月", "每周", "每季", "每半年", "每年"];

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '「' | '」' | '‘' | '’')
}

fn before_number(window: &str, core: &str, total_filler: bool, unit: &str, ctx: Context) -> Option<Keyed> {
    if core.is_empty() {
        return None;
    }
    // Cases and proceedings: `因政府信息公开引起的行政复议案件2件`, `共有行政诉讼案件1件`,
    // `信息公开类行政复议7件，诉讼9件`, `被申请行政复议 2 件`.
    let (c, _) = strip_extra(core, &["案件", "案", "申请", "事项", "件"]);
    // (`申请行政复议的案件共26件`: the cases of the proceedings.)
    let c = c.strip_suffix('的').unwrap_or(c);
    if c.ends_with("复议") && !c.ends_with("复议后") {
        return ctx.disclosure.then_some(Keyed { key: "reviews", rank: 3 });
    }
    if c.ends_with("诉讼") || c.ends_with("行政应诉") {
        // One of table 4's two groups of lawsuits (`复议后起诉的行政诉讼零宗`, `未经复议直接起诉的
        // 行政诉讼十二宗`), not all of them.
        let group = ["直接起诉", "复议后起诉", "复议后提起"].iter().any(|w| c.contains(w));
        return (ctx.disclosure && !group).then_some(Keyed { key: "lawsuits", rank: 3 });
    }
    // Fees: `全年收取政府信息公开信息处理费 3940 元`, `实际收取信息处理费共计1.5万元`,
    // `收取费用200元`. Not table 2's 行政事业性收费 nor 减免.
    if is_money(unit) {
        let (c, _) = strip_extra(core, &["金额", "费用"]);
        let fee = FEE_WORDS.iter().any(|w| c.ends_with(w)) || core.ends_with("费用");
        if fee && !not_a_fee(window) {
            return keyed("fees_yuan");
        }
        return None;
    }
    // Press conferences: `召开…等新闻发布会 12 场`, `召开新闻发布会2场`, `新闻发布会及吹风会23场次`;
    // the topic first: `新闻发布会召开了3场`, `新闻发布会共举办5场`.
    // (`core` is already without filler: only a stripped verb leaves filler to strip again.)
    let held = match strip_extra(core, &["召开", "举办", "举行"]) {
        (rest, Some(_)) => strip_filler(rest).0,
        (_, None) => core,
    };
    if PRESS_WORDS.iter().any(|w| held.ends_with(w) || core.ends_with(w)) {
        // Conferences others held that the agency or its leaders attended (`市政府主要领导出席
        // 发布会3场`, `参与省政府新闻办发布会4场`) are none of its own.
        return (!attended(near_tail(core, 16))).then_some(Keyed { key: "press_conferences", rank: 3 });
    }
    // Training: `开展信息公开业务集中培训2次`, `培训人员达到116人次`, `参训 80 人`.
    {
        let (c, extra) = strip_extra(core, &["工作人员", "干部职工", "人员", "干部", "学员", "职工", "人"]);
        // (Also a training held as a meeting: `政务公开培训视频会议1次`, `信息公开培训会议2次`.)
        let trained = ["培训", "培训会", "培训班", "参训", "参加培训", "培训会议", "培训视频会议", "视频培训会"]
            .iter()
            .any(|w| c.ends_with(w));
        // Training another body held that staff attended (`另派员参加市环境保护局组织的信息公开培训1次`,
        // `组织职工参加县卫生计生局举办的政务公开培训1次`).
        if trained && has(core, "参加") && ["组织的", "举办的", "主办的", "召开的"].iter().any(|w| has(core, w))
        {
            return None;
        }
        if trained {
            return if matches!(unit, "人" | "人次" | "名") {
                keyed("training_attendees")
            } else if extra.is_none() {
                keyed("training_sessions")
            } else {
                None
            };
        }
    }
    // Website visits: `政府信息公开专栏访问量达72065人次`, `点击率达313万人次`. A count to date
    // (`门户网站累计访问量突破500万人次`) is not the year's, unless the year is named with it.
    if ["访问量", "点击量", "浏览量", "访问", "点击", "浏览", "点击率", "访问人次", "浏览人次"]
        .iter()
        .any(|w| core.ends_with(w))
    {
        // (`年` of 全年, 本年, 年度, 今年 or a year named.)
        if has(core, "累计") && !has(core, "年") {
            return None;
        }
        return keyed("site_visits");
    }
    // Consultations: `接待群众咨询120余次`, `解答电话咨询 30 人次`.
    {
        let (c, _) = strip_extra(core, &["服务", "电话", "问题", "事项", "群众"]);
        // What was asked about, disclosure itself: `接待群众现场咨询政务公开事项260余人次`.
        let (c, _) = strip_extra(c, &["政府信息公开", "政务公开", "信息公开"]);
        if c.ends_with("咨询") {
            return keyed("consultations");
        }
    }
    // Complaints: `收到投诉3件`, `受理举报 2 起`. Not table 3's 信访举报投诉类申请.
    {
        let (c, _) = strip_extra(core, &["案件", "事项", "件"]);
        if ["申诉", "投诉", "举报"].iter().any(|w| c.ends_with(w)) {
            // `受理群众投诉举报1200件` on a hotline is not about disclosure.
            return ctx.disclosure.then_some(Keyed { key: "complaints", rank: 3 });
        }
    }
    if let Some(k) = requests_granted(core, ctx) {
        return Some(k);
    }
    if let Some(k) = requests_denied(core, ctx) {
        return Some(k);
    }
    if let Some(k) = requests_received(window, core, ctx) {
        return Some(k);
    }
    proactive(window, core, total_filler)
}

/// One number stated of each of several subjects (`行政复议案件、行政诉讼案件均为0件`,
/// `行政复议和行政诉讼各1件`): the key of every subject, in order, when each coordinated part
/// before `均`/`各`/`都` reads as a key of its own; else none.
pub(super) fn distributed(window: &str, unit: &str, ctx: Context) -> Vec<Keyed> {
    if !window.contains(['均', '各', '都']) {
        return Vec::new();
    }
    let (core, _) = strip_filler(window);
    let Some(subjects) = ["均", "各", "都"].iter().find_map(|w| core.strip_suffix(w)) else {
        return Vec::new();
    };
    let (subjects, _) = strip_filler(subjects);
    let mut out: Vec<Keyed> = Vec::new();
    let mut parts = 0;
    for part in subjects.split(['、', '和', '及', '与']).filter(|p| !p.is_empty()) {
        parts += 1;
        match classify(part, "", unit, ctx) {
            Some(k) if !out.iter().any(|o| o.key == k.key) => out.push(k),
            _ => return Vec::new(),
        }
    }
    if parts < 2 {
        out.clear();
    }
    out
}

/// The people a training count reached, in the clause right after it: `培训2次，覆盖人员80人`,
/// `参加培训3次，共计45人次`, `培训班2期，参训120人次` (the window holds no word of its own
/// but who took part).
///
/// `since`: the text from the training's count to this one (the window stops at a list's `、`:
/// `培训2期，培训市、区两级市场监管部门工作人员180人次`), read as the window is where that fails.
pub(super) fn attendees_after_training(window: &str, since: &str, after: &str, unit: &str) -> Option<Keyed> {
    if !matches!(unit, "人" | "人次" | "名") {
        return None;
    }
    attendees_in(window, after).or_else(|| (since.len() > window.len()).then(|| attendees_in(since, after)).flatten())
}

/// [`attendees_after_training`] over one stretch of text before the count.
fn attendees_in(window: &str, after: &str) -> Option<Keyed> {
    let (core, _) = strip_filler(window.trim_start_matches(['，', ',', '、', '；', ';', ' ']));
    let core = ["共计", "累计", "合计", "共"].iter().find_map(|w| core.strip_prefix(w)).unwrap_or(core);
    // (`员` last: 信息员, 联络员.)
    let (verb, noun) = strip_extra(core, &["工作人员", "干部职工", "人员", "干部", "学员", "职工", "员"]);
    let known = matches!(verb, "" | "覆盖" | "参与" | "参加" | "涉及" | "培训" | "参训" | "受训");
    // Or who was trained between the verb and the people (`培训各乡镇、部门信息公开工作人员150余人次`):
    // a verb of training itself, the people named, and no other count or clause between.
    // (Whoever they are, `培训民警、辅警126人次`, where the verb trains; `覆盖` only people named.)
    let trains = ["培训", "参训", "受训"].iter().any(|w| verb.starts_with(w));
    let trained_whom = (trains || noun.is_some() && verb.starts_with("覆盖"))
        && verb.chars().count() <= 24
        && !verb.contains(|c: char| c.is_ascii_digit() || matches!(c, '，' | ',' | '；' | ';' | '：' | ':'));
    // Or the people named before the count and their taking part after it
    // (`街道机关及各社区工作人员共六十余人参加`), or the bodies they came from
    // (`各临床、医技科室和职能部门共196人次参加`): a few words, no other count nor clause.
    let bodies = verb.chars().count() <= 24
        && !verb.contains(|c: char| c.is_ascii_digit() || matches!(c, '，' | ',' | '；' | ';' | '：' | ':'));
    let took_part = (noun.is_some() || bodies) && matches!(after, "参加" | "参训" | "参与" | "参加培训" | "参与培训");
    // Or who they were after the count, then their taking part (`60名新闻宣传及案件管理干警参加培训`).
    let who_took_part = ["参加培训", "参训", "参加"].iter().any(|w| after.ends_with(w))
        && after.chars().count() <= 20
        && !after.contains(|c: char| c.is_ascii_digit())
        && ["干警", "人员", "干部", "职工", "学员", "员工", "代表"].iter().any(|w| has(after, w));
    (known || trained_whom || took_part || who_took_part).then_some(Keyed { key: "training_attendees", rank: 3 })
}

/// Whether a clause names a training the agency held (`组织召开政府信息公开工作培训会`), not one
/// its staff attended elsewhere (`参加市局组织的培训`).
pub(super) fn training_named(clause: &str) -> bool {
    has(clause, "培训") && !(has(clause, "参加") && has(clause, "组织的")) && !has(clause, "计划")
}

fn is_money(unit: &str) -> bool {
    matches!(unit, "元" | "万元" | "千元" | "亿元")
}

/// Words of a fee charged for disclosure (`收取信息处理费 3940 元`, `收取复印费45元`).
const FEE_WORDS: &[&str] =
    &["信息处理费", "处理费", "收费", "收取", "费用", "检索费", "复制费", "复印费", "邮寄费", "工本费", "成本费"];
/// Words of money that is not such a fee: table 2's 行政事业性收费 and its 收费金额, fees waived or
/// refunded.
const NOT_FEES: &[&str] = &["行政事业性收费", "收费金额", "减免", "退还", "退费"];

/// Money in `text` that is no disclosure fee ([`NOT_FEES`]); a 收费金额 of disclosure itself
/// (`政府信息公开收费金额为0元`, `依申请公开收费金额0元`) is one.
fn not_a_fee(text: &str) -> bool {
    let waived = ["行政事业性", "减免", "退还", "退费"].iter().any(|w| has(text, w));
    NOT_FEES.iter().any(|w| has(text, w)) && (waived || !has(text, "公开收费金额"))
}

/// An amount labelled only `金额` (`收取信息处理费共计3笔，金额合计600元`) is the fee the clause
/// before it charged: `earlier` is the sentence before the amount's clause.
pub(super) fn fee_amount(window: &str, earlier: &str, unit: &str) -> Option<Keyed> {
    if !is_money(unit) {
        return None;
    }
    let (core, _) = strip_filler(window.trim_start_matches(['，', ',', '、', '；', ';']));
    if !matches!(core, "金额" | "总金额" | "总额") {
        return None;
    }
    let sentence = earlier.rsplit(['。', '；', ';', '！', '？']).next().unwrap_or(earlier);
    let near = near_tail(sentence, 20);
    let fee = FEE_WORDS.iter().any(|w| has(near, w)) && !not_a_fee(near);
    fee.then_some(Keyed { key: "fees_yuan", rank: 3 })
}

/// A count to date of information put out, `信息` bare (`截至年底，本局信息公开专栏累计公开信息4100余条`,
/// `门户网站累计发布信息12.8万条`): a proactive count to date. (With `政府信息` or `主动公开` the
/// proactive total's shapes read it.)
pub(super) fn cumulative_information(window: &str, unit: &str) -> Option<Keyed> {
    let (core, _) = strip_filler(window);
    let rest = ["公开信息", "发布信息", "公开各类信息", "发布各类信息"].iter().find_map(|w| core.strip_suffix(w))?;
    // (`累计` itself is filler: looked for just before the verb.)
    let to_date = has(near_tail(rest, 4), "累计");
    // (Nor one channel's: `局微信公众号累计发布各类信息500余条`.)
    let other = ["依申请", "不予", "申请"].iter().any(|w| has(rest, w)) || !proactive_prefix_ok(rest);
    (to_date && !other && unit_ok("proactive_cumulative", unit))
        .then_some(Keyed { key: "proactive_cumulative", rank: 3 })
}

/// A count to date that names nothing (`新增主动公开政府信息1562条，累计达到23456条`,
/// `…，累计公开12037条`): the clause is only `累计`, filler and the verb, after a clause of the
/// year's proactive total (`earlier`: the sentence before the count's clause).
pub(super) fn cumulative_count(window: &str, earlier: &str, unit: &str) -> Option<Keyed> {
    let clause = window.trim_start_matches(['，', ',', '、', '；', ';']);
    let rest = clause.strip_prefix("累计")?;
    let verb = strip_filler(rest).0;
    if !matches!(verb, "" | "公开" | "主动公开" | "发布") || !unit_ok("proactive_cumulative", unit) {
        return None;
    }
    let sentence = earlier.rsplit(['。', '；', ';', '！', '？']).next().unwrap_or(earlier);
    has(sentence, "主动公开").then_some(Keyed { key: "proactive_cumulative", rank: 3 })
}

/// Words naming press conferences (a press briefing, 吹风会, is one).
const PRESS_WORDS: &[&str] = &["新闻发布会", "发布会", "新闻发布活动", "新闻发布", "吹风会"];

/// Shapes with the key word after the number.
fn after_number(window: &str, after: &str, unit: &str) -> Option<Keyed> {
    // `2011年我区共举行3次新闻发布活动`, `召开3场政策解读新闻发布会`.
    if unit_ok("press_conferences", unit) && !attended(near_tail(window, 8)) {
        let head = near_head(after, 12);
        if PRESS_WORDS.iter().any(|w| has(head, w)) {
            return keyed("press_conferences");
        }
    }
    // `举办2期培训班`, `组织3次业务培训`; `120人次参加培训`.
    let head = near_head(after, 8);
    if has(head, "培训") || has(head, "参训") {
        if unit_ok("training_sessions", unit) {
            return keyed("training_sessions");
        }
        if unit_ok("training_attendees", unit) {
            return keyed("training_attendees");
        }
    }
    // `本年度全区共收到70件申请`, `收到3件政府信息公开申请`.
    if unit_ok("requests_received", unit) && matches!(verb_before(window), Some(Verb::Receiving)) {
        let head = near_head(after, 14);
        if let Some(at) = head.find("申请") {
            let noun = &head[..at];
            let after_noun = &head[at + "申请".len()..];
            // `收到12起政府信息依申请公开`: 依申请 only as 依申请公开.
            let yi = noun.ends_with('依') && after_noun.starts_with("公开");
            let plain = noun.is_empty()
                || yi
                || ["政府信息公开", "信息公开", "公开", "有关", "的"].iter().any(|w| noun.ends_with(w));
            let other = ["许可", "复议", "诉讼", "补正", "重复"].iter().any(|w| has(noun, w));
            if plain && !other && !after_noun.starts_with(['人', '书', '表']) && (yi || !noun.ends_with('依')) {
                return keyed("requests_received");
            }
        }
    }
    // `本年度共有15人次提出政府信息公开申请`, `全年有12件政府信息公开申请`, `共有12人次申请
    // 公开政府信息`: the rest of the clause is the request alone, made (`提出`) or had (`有`).
    if unit_ok("requests_received", unit) && requests_after(window, after) {
        return keyed("requests_received");
    }
    // `有 1 件政府信息公开申请被申请人申请行政复议`, `其中有2件提起行政诉讼`.
    if unit_ok("reviews", unit) && (window.ends_with('有') || window.is_empty() || window.ends_with("其中")) {
        let negated = ["未", "没有", "无", "不"].iter().any(|w| has(after, w));
        if !negated {
            for (w, key) in [("行政复议", "reviews"), ("行政诉讼", "lawsuits")] {
                if let Some(at) = after.find(w) {
                    let lead = &after[..at];
                    if ["申请", "提起", "提出", "被"].iter().any(|v| lead.ends_with(v) || has(lead, v)) {
                        return keyed(key);
                    }
                }
            }
        }
    }
    None
}

/// Whether the clause after a count is a request for information and nothing else, made
/// (`提出政府信息公开申请`, `申请公开政府信息`) or had (`有` before the count: `全年有12件
/// 政府信息公开申请`). Not a part (`其中有2件…`), another year's requests (`上年结转…`), nor
/// requests handled (`办结…`).
fn requests_after(window: &str, after: &str) -> bool {
    const MADE: &[&str] = &["提出", "提交", "递交", "发来"];
    const NOUNS: &[&str] = &["政府信息公开申请", "信息公开申请", "公开申请", "依申请公开", "申请"];
    const ASKING: &[&str] = &["申请公开政府信息", "申请公开信息", "申请政府信息公开", "申请信息公开"];
    let after = after.strip_suffix("事项").unwrap_or(after);
    let made = MADE.iter().find_map(|v| after.strip_prefix(v));
    let fits = match made {
        Some(noun) => NOUNS.contains(&noun) || ASKING.contains(&noun),
        None => ASKING.contains(&after) || (NOUNS[..3].contains(&after) && window.ends_with('有')),
    };
    fits && !has(window, "其中")
        && !NOT_THIS_YEARS_REQUESTS.iter().any(|w| has(window, w))
        && !matches!(verb_before(window), Some(Verb::Handling))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(window: &str, after: &str, unit: &str) -> Option<&'static str> {
        classify(window, after, unit, Context { disclosure: true, ..Context::default() }).map(|k| k.key)
    }

    #[test]
    fn filler_is_set_aside() {
        assert_eq!(strip_filler("主动公开政府信息的数量为"), ("主动公开政府信息", true));
        assert_eq!(strip_filler("信息公开申请共计"), ("信息公开申请", true));
        assert_eq!(strip_filler("访问量达"), ("访问量", false));
    }

    #[test]
    fn predicates_before_the_number() {
        assert_eq!(key("2023年全区共主动公开政府信息", "", "条"), Some("proactive_total"));
        assert_eq!(key("主动公开文件数为", "", "条"), None);
        assert_eq!(key("不予公开信息数", "", "条"), None);
        assert_eq!(key("依申请公开信息数", "", "条"), None);
        assert_eq!(key("主动公开采购信息", "", "条"), None);
        assert_eq!(key("答复政府信息公开申请", "", "件"), None);
        assert_eq!(key("共收到政府信息公开申请", "", "条"), Some("requests_received"));
        assert_eq!(key("行政许可申请", "", "件"), None);
        assert_eq!(key("因政府信息公开引起的行政复议案件", "", "件"), Some("reviews"));
    }
}
