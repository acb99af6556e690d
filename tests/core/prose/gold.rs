//! The prose readings over the dev corpus: metadata (year, agency, kind,
//! template), the outline and the canonical facts of every gold file, and what a
//! careful reader finds in each seed.

use std::fs;
use std::path::{Path, PathBuf};

use _core::model::{Fact, Section};
use _core::{parse, Input, Options, Report};
use serde_json::Value;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn parse_path(path: &Path) -> Report {
    parse(Input::Bytes(&fs::read(path).expect("read")), &Options::default()).expect("parses")
}

fn seed(prefix: &str) -> Report {
    let dir = data().join("seeds");
    let path = fs::read_dir(&dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && Path::new(n).extension().is_some_and(|e| e == "txt"))
        })
        .expect("seed file");
    parse_path(&path)
}

/// The first fact with `key` (the one a reader quotes first).
fn fact<'a>(r: &'a Report, key: &str) -> Option<&'a Fact> {
    r.facts.iter().find(|f| f.key == Some(key))
}

fn fact_value(r: &Report, key: &str) -> Option<f64> {
    fact(r, key).map(|f| f.value.as_f64())
}

fn span_text(text: &str, span: [usize; 2]) -> String {
    text.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

fn top_keys(r: &Report) -> Vec<&'static str> {
    r.sections.iter().filter_map(|s| s.key).collect()
}

/// Every gold file: year, agency, kind, template and the canonical facts agree.
#[test]
fn gold_fields_and_facts() {
    let mut checked = 0;
    for dir in ["real", "seeds"] {
        let mut paths: Vec<PathBuf> = fs::read_dir(data().join(dir))
            .expect("folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
            .collect();
        paths.sort();
        for path in paths {
            let gold_path = path.with_extension("gold.json");
            let gold: Value = serde_json::from_str(&fs::read_to_string(&gold_path).expect("gold")).expect("json");
            let r = parse_path(&path);
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
            let s = |k: &str| gold[k].as_str().map(str::to_string);
            assert_eq!(r.year.map(i64::from), gold["year"].as_i64(), "{name}: year");
            assert_eq!(r.agency, s("agency"), "{name}: agency");
            assert_eq!(r.kind.as_str(), gold["kind"].as_str().unwrap_or(""), "{name}: kind");
            let template = s("template").filter(|t| t != "none");
            assert_eq!(r.template.map(|t| t.to_string()), template, "{name}: template");
            if let Some(n) = gold["parts"].as_u64() {
                assert_eq!(r.parts.len() as u64, n, "{name}: parts");
            }
            if let Some(facts) = gold["facts"].as_object() {
                for (key, want) in facts {
                    if key == "info_total" {
                        continue; // not a canonical key
                    }
                    let got = fact_value(&r, key);
                    assert_eq!(got, want.as_f64(), "{name}: fact {key}");
                }
            }
            // Every fact's span is its evidence.
            for f in &r.facts {
                let ev = span_text(&r.text, f.span);
                assert!(!ev.is_empty(), "{name}: empty span for {f:?}");
                if !f.negated {
                    assert!(
                        ev.chars().any(|c| c.is_ascii_digit() || "〇○零一二两三四五六七八九十百千万".contains(c)),
                        "{name}: {ev}"
                    );
                }
                assert!(f.sentence.contains(&ev), "{name}: {ev} not in its sentence");
            }
            checked += 1;
        }
    }
    assert!(checked >= 19, "only {checked} documents checked");
}

#[test]
fn seed_000_township_report_published_years_later() {
    let r = seed("000_");
    assert_eq!(r.kind.as_str(), "annual_report");
    assert_eq!(r.template.map(_core::model::Template::as_str), Some("pre2019"));
    assert_eq!(r.year, Some(2010)); // published 2014: the year covered, not the publication year
    assert_eq!(r.agency.as_deref(), Some("琅琊镇"));
    assert_eq!(r.admin_level, Some("township"));
    assert_eq!(r.written.as_deref(), Some("2014-08-13"));
    let cc = r.credit_code.as_ref().expect("credit code");
    assert_eq!((cc.code.as_str(), cc.valid), ("11330702731527164G", true));
    let region = r.region.as_ref().expect("region");
    assert_eq!(region.code, "330702");
    assert_eq!(region.province.as_deref(), Some("浙江省"));
    assert_eq!(region.city.as_deref(), Some("金华市"));
    assert_eq!(region.county.as_deref(), Some("婺城区"));
    for key in ["requests_received", "fees_yuan", "reviews", "lawsuits", "complaints"] {
        let f = fact(&r, key).unwrap_or_else(|| panic!("{key}"));
        assert_eq!((f.value.as_f64(), f.negated), (0.0, true), "{key}");
    }
    assert_eq!(
        top_keys(&r),
        vec!["preamble", "overview", "proactive", "requests", "fees", "review_litigation", "problems"]
    );
    let overview = &r.sections[1];
    assert_eq!(overview.heading, "基本情况");
    assert_eq!(overview.children.len(), 3);
    assert_eq!(overview.children[0].number.as_deref(), Some("（一）"));
}

#[test]
fn seed_001_proactive_total_not_a_sub_stream() {
    let r = seed("001_");
    assert_eq!((r.year, r.agency.as_deref()), (Some(2015), Some("棉洋镇")));
    assert_eq!(fact_value(&r, "proactive_total"), Some(133.0));
    let f = fact(&r, "proactive_total").expect("fact");
    assert_eq!(span_text(&r.text, f.span), "133");
    assert_eq!(f.unit.as_deref(), Some("条"));
}

#[test]
fn seed_002_traditional_self_inspection() {
    let r = seed("002_");
    assert_eq!(r.source.script.as_str(), "traditional");
    assert_eq!(r.kind.as_str(), "self_inspection");
    assert_eq!(r.template, None);
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.agency, None); // XX镇 is an anonymised placeholder
    assert_eq!(fact_value(&r, "proactive_total"), Some(69.0));
    assert_eq!(fact_value(&r, "requests_received"), Some(0.0));
}

#[test]
fn seed_003_cumulative_training_and_press() {
    let r = seed("003_");
    assert_eq!((r.year, r.agency.as_deref()), (Some(2011), Some("攀枝花市东区")));
    assert_eq!(r.published.as_deref(), Some("2012-10-22"));
    assert_eq!(r.admin_level, Some("county"));
    assert_eq!(r.region.as_ref().map(|x| x.code.as_str()), Some("510402"));
    assert_eq!(fact_value(&r, "proactive_total"), Some(10759.0));
    assert_eq!(fact_value(&r, "proactive_cumulative"), Some(75646.0));
    assert_eq!(fact_value(&r, "training_sessions"), Some(2.0));
    assert_eq!(fact_value(&r, "training_attendees"), Some(116.0));
    assert_eq!(fact_value(&r, "press_conferences"), Some(3.0));
    // 年访问量达()万余人次 is a blank in the source: no number, no fact.
    assert_eq!(fact(&r, "site_visits"), None);
    assert!(top_keys(&r).contains(&"other"));
}

#[test]
fn seed_004_compilation_of_five_with_placeholders() {
    let r = seed("004_");
    assert_eq!(r.kind.as_str(), "compilation");
    assert_eq!((r.template, r.year, r.agency.as_deref()), (None, None, None));
    assert_eq!(r.parts.len(), 5);
    // Each part is parsed on its own text.
    assert!(r.parts[0].text.starts_with("第一篇"));
    assert!(r.parts[4].text.starts_with("第五篇"));
    for p in &r.parts {
        assert_ne!(p.kind.as_str(), "compilation");
        assert!(p.parts.is_empty());
    }
    // Part 1 is a template with xx条 / xxxx年: a PLACEHOLDER issue and no proactive fact.
    let first = &r.parts[0];
    assert!(first
        .issues
        .iter()
        .any(|i| i.code.as_str() == "PLACEHOLDER" && i.severity.as_str() == "warning" && i.blame.as_str() == "source"));
    assert_eq!(fact(first, "proactive_total"), None);
    // Part 4 is a bureau's 2010 summary signed 二○一○年十一月二十六日.
    assert!(r.parts.iter().any(|p| p.written.as_deref() == Some("2010-11-26")));
    assert!(r.parts.iter().all(|p| p.kind.as_str() == "work_summary"
        || p.kind.as_str() == "annual_report"
        || p.kind.as_str() == "other"));
}

#[test]
fn flattened_2021_report_outline() {
    let r = parse_path(&data().join("real/pingtan-czj-2023.txt"));
    assert_eq!(
        top_keys(&r),
        vec!["preamble", "overview", "proactive", "requests", "review_litigation", "problems", "other"]
    );
    // Sections are contiguous and cover the text after the preamble.
    let n = r.text.chars().count();
    for w in r.sections.windows(2) {
        assert_eq!(w[0].span[1], w[1].span[0]);
    }
    assert_eq!(r.sections.last().map(|s| s.span[1]), Some(n));
    // The table-3 row labels inside `requests` are not sub-sections.
    let requests: &Section = &r.sections[3];
    assert!(span_text(&r.text, requests.span).starts_with("三、收到和处理政府信息公开申请情况"));
    assert!(requests.children.iter().all(|c| !c.heading.contains("予以公开") && !c.heading.contains("本年新收")));
}

#[test]
fn compilation_split_text_and_odd_inputs_do_not_panic() {
    let many = "一、总体情况\n（一）x\n1.y\n".repeat(3000);
    let r = parse(Input::Str(&many), &Options::default()).expect("parses");
    assert_eq!(r.sections.len(), 3000);
    for s in ["第一篇", "第一篇\n第二篇", "xx条", "百分之", "未", "1.", "（", "二○", "\u{3000}"] {
        let _ = parse(Input::Str(s), &Options::default());
    }
}

/// A 2021 report whose tables arrive as PDF text: the rows of table 3 and the stacked
/// table 4 header are table text, not prose, whether or not the table reader places
/// them (DOMAIN §8.3). Its prose facts stay; the tables raise no TEXT_TABLE_MISMATCH.
#[test]
fn text_table_rows_are_not_prose_facts() {
    let t3_rows = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况\n\
        自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n\
        4.无正当理由大量反复申请 0 0 0 0 0 0 0\n\
        1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n\
        2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n";
    let t4 = "行政复议 行政诉讼\n结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉\n\
        维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n\
        维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
    let text = format!(
        "某某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请5件，发生行政复议1件。\n\
         三、收到和处理政府信息公开申请情况\n{t3_rows}四、政府信息公开行政复议、行政诉讼情况\n{t4}\
         五、存在的主要问题及改进情况\n加强培训。\n六、其他需要报告的事项\n本机关本年度未收取信息处理费。\n"
    );
    let r = parse(Input::Str(&text), &Options::default()).expect("parses");
    let keyed: Vec<(&str, f64, bool)> =
        r.facts.iter().filter_map(|f| Some((f.key?, f.value.as_f64(), f.negated))).collect();
    assert_eq!(keyed, vec![("requests_received", 5.0, false), ("reviews", 1.0, false), ("fees_yuan", 0.0, true)]);
}

/// Title, year, agency, kind and template of documents shaped like real pages
/// (written anew): panels, cover letters, breadcrumbs, Markdown, PDF text layers
/// with a title over two lines, site suffixes, signatures, no title at all.
#[test]
fn metadata_of_page_shapes() {
    type Want = (Option<&'static str>, Option<i32>, Option<&'static str>, &'static str, Option<&'static str>);
    let cases: &[(&str, Want)] = &[
        (
            "标题: 关于报送《某某区公安局 2015年政府信息公开年度报告》的函\n发布时间: 2016-01-07 11:15\n==== 正文 ====\n\
             关于报送《某某区公安局2015年政府信息公开年度报告》的函 区办公室：现将报告报送贵处。 一、 概述 2015年，我局工作有序推进。\
             三、依申请公开政府信息情况2015年，我局未收到公民提出的公开政府信息申请。",
            (
                Some("关于报送《某某区公安局2015年政府信息公开年度报告》的函"),
                Some(2015),
                Some("某某区公安局"),
                "annual_report",
                Some("pre2019"),
            ),
        ),
        (
            "标题: 关于报送《某某区公安局2016年 政府信息公开工作情况》的函\n==== 正文 ====\n区管委会办公室：我局编制了2016年度报告。\
             概述2016年，我局工作有序推进。政府信息主动公开情况 2016年度我局共主动公开政府信息207条。三、依申请公开政府信息情况2016年，我局未收到申请。\
             四、政府信息公开的收费及减免情况2016年度未收取任何费用。五、因政府信息公开申请行政复议、提起行政诉讼情况2016年度没有发生行政复议。",
            (
                Some("关于报送《某某区公安局2016年政府信息公开工作情况》的函"),
                Some(2016),
                Some("某某区公安局"),
                "annual_report",
                Some("pre2019"),
            ),
        ),
        (
            "标题: 某某区公安局2018年政务公开工作要点落实情况\n==== 正文 ====\n一、主动公开情况 2018年我局主动公开政府信息100条。二、依申请公开情况 未收到申请。",
            (Some("某某区公安局2018年政务公开工作要点落实情况"), Some(2018), Some("某某区公安局"), "work_summary", None),
        ),
        (
            "当前位置：首页 > 政务公开 > 政府信息公开年报 > 某某县发展和改革局2021年政府信息公开工作年度报告\n\
             某某县发展和改革局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我局主动公开政府信息30条。",
            (
                Some("某某县发展和改革局2021年政府信息公开工作年度报告"),
                Some(2021),
                Some("某某县发展和改革局"),
                "annual_report",
                Some("2021"),
            ),
        ),
        (
            "首页 > 政务公开 > 年报\n# 某某市交通运输局2022年政府信息公开工作年度报告\n\n一、总体情况\n2022年，我局主动公开政府信息31条。",
            (
                Some("某某市交通运输局2022年政府信息公开工作年度报告"),
                Some(2022),
                Some("某某市交通运输局"),
                "annual_report",
                Some("2021"),
            ),
        ),
        (
            "**某某市交通运输局2022年政府信息公开工作年度报告**\n\n一、总体情况\n2022年，我局主动公开政府信息31条。",
            (
                Some("某某市交通运输局2022年政府信息公开工作年度报告"),
                Some(2022),
                Some("某某市交通运输局"),
                "annual_report",
                Some("2021"),
            ),
        ),
        (
            "某某市某某区人民政府\n2023 年政府信息公开工作年度报告\n本报告由某某区人民政府办公室根据《条例》编制。\n一、总体情况\n2023 年，我区主动公开政府信息 1136 条。",
            (
                Some("某某市某某区人民政府2023年政府信息公开工作年度报告"),
                Some(2023),
                Some("某某市某某区人民政府"),
                "annual_report",
                Some("2021"),
            ),
        ),
        (
            "某某区某某局关于2015年\n政府信息公开工作要点落实情况的函\n区办公室：现将我局2015年落实情况报送如下：\n一、主动公开情况\n我局主动公开政府信息的数量为99条。",
            (
                Some("某某区某某局关于2015年政府信息公开工作要点落实情况的函"),
                Some(2015),
                Some("某某区某某局"),
                "work_summary",
                None,
            ),
        ),
        (
            "2021年政府信息公开工作年度报告-某某县发改局\n一、总体情况\n2021年，我局主动公开政府信息20条。",
            (Some("2021年政府信息公开工作年度报告"), Some(2021), Some("某某县发改局"), "annual_report", Some("2021")),
        ),
        (
            "一、总体情况\n我局坚持依法公开。\n二、主动公开政府信息情况\n主动公开政府信息20条。\n三、收到和处理政府信息公开申请情况\n未收到申请。\n\
             四、政府信息公开行政复议、行政诉讼情况\n无。\n某某县林业局\n2022年1月20日",
            (None, Some(2022), Some("某某县林业局"), "annual_report", Some("2021")),
        ),
        (
            "一、总体情况\n我局坚持依法公开，主动公开政府信息20条。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n未收到申请。",
            (None, None, None, "annual_report", None),
        ),
        (
            "某某局 年政府信息公开工作年度报告\n2019\n一、总体情况\n本机关认真贯彻落实《条例》。",
            (Some("某某局2019年政府信息公开工作年度报告"), Some(2019), Some("某某局"), "annual_report", Some("2019")),
        ),
        (
            "| 某某局 |     | 年政府信息公开工作年度报告 |     |\n| --- | --- | --- | --- |\n2021\n一、总体情况\n本机关认真贯彻落实《条例》。",
            (Some("某某局2021年政府信息公开工作年度报告"), Some(2021), Some("某某局"), "annual_report", Some("2021")),
        ),
        (
            "某单位2021年政府信息公开工作年度报告\n一、总体情况\n2021年，主动公开政府信息20条。",
            (Some("某单位2021年政府信息公开工作年度报告"), Some(2021), Some("某单位"), "annual_report", Some("2021")),
        ),
        (
            "根据《条例》规定，现公布2020年度政府信息公开工作年度报告。\n一、总体情况\n2020 年，某某区人民政府坚持以人民为中心，主动公开政府信息 1136 条。\n\
             二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况",
            (None, Some(2020), Some("某某区人民政府"), "annual_report", Some("2019")),
        ),
    ];
    for (text, want) in cases {
        let r = parse(Input::Str(text), &Options::default()).expect("parses");
        let got = (
            r.title.as_deref(),
            r.year,
            r.agency.as_deref(),
            r.kind.as_str(),
            r.template.map(_core::model::Template::as_str),
        );
        assert_eq!(got, *want, "{text}");
    }
}

/// A converter (PDF → Markdown) cut a paragraph into the cells of a table: a table
/// whose cells are prose is read as prose; a statutory table is not.
#[test]
fn prose_cut_into_a_markdown_table_is_prose() {
    let md = "# 某某区人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n\
        （一）主动公开情况。主要通过政府门户网站主动公开政府\n\
        | 文件、通知公告等各类政府信息。2023 |     | 年，我区在政 |\n| ---- | --- | --- |\n\
        | 府网站平台主动公开政府信息 |     | 1036 条。 |\n\n\
        ## 四、政府信息公开行政复议、行政诉讼情况\n\n\
        | 行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|\n| | 1 | 0 | 0 | 0 | 1 |\n";
    let r = parse(Input::Str(md), &Options { format: Some(_core::document::Format::Markdown), ..Options::default() })
        .expect("parses");
    let keyed: Vec<(&str, f64)> = r.facts.iter().filter_map(|f| Some((f.key?, f.value.as_f64()))).collect();
    assert_eq!(keyed, vec![("proactive_total", 1036.0)], "{:?}", r.facts);
}
