"""The benchmark corpus: survey answers, a codebook and a coding plan, made up deterministically.

`generate(seed=...)` always returns the same corpus (and `csv_bytes()` the same bytes) for the
same arguments on the same Python: everything comes from one `random.Random(seed)`, nothing
from the network or from data files.

By default there are 10,000 respondents, each with one long free-text answer (about 5 million
characters in all, ~60% English and ~40% Chinese by response, with code-switching, paragraph
breaks, emoji sequences and combining marks), four short attribute columns and a language
column; 300 codes in a two-level tree; and 100,000 segments, each a run of whole sentences of
one answer, with one code.

The search words are rare on purpose: "production" (English), 面试 (two Chinese characters) and
工程师 (three) each turn up in a few to ~30 percent of the answers, as real words do.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ID_COLUMN = "respondent"
LANGUAGE_COLUMN = "language"
ATTRIBUTE_COLUMNS = ("job title", "industry", "company size", "years")
ANSWER_COLUMN = "Tell us about your work with data and AI over the past year"
HEADERS = (ID_COLUMN, LANGUAGE_COLUMN, *ATTRIBUTE_COLUMNS, ANSWER_COLUMN)

# Search terms the corpus is built to contain, for the search benchmark.
ENGLISH_WORD = "production"
CHINESE_WORD = "面试"
CHINESE_PHRASE = "工程师"

DEFAULT_ROWS = 10_000
DEFAULT_SEGMENTS = 100_000
DEFAULT_CODES = 300
DEFAULT_SEED = 20261125
CHARS_PER_ROW = 500  # 10,000 rows -> about 5 million characters

# -- vocabulary ---------------------------------------------------------------------------------
# Combining marks are written as escapes so the decomposed forms are unmistakable.
_EN_SUBJECTS = (
    "I",
    "We",
    "My team",
    "My manager",
    "Our data team",
    "Most engineers I know",
    "A colleague",
    "The researchers",
    "Our company",
    "Everyone on the team",
    "The new hire",
    "My previous boss",
    "Our product manager",
    "The platform group",
    "Nobody",
    "The analysts",
    "Our CTO",
    "The contractors",
    "My mentor",
    "Half of the department",
)
_EN_VERBS = (
    "spent most of the year on",
    "struggled with",
    "learned a lot about",
    "moved into",
    "cared about",
    "wrote",
    "reviewed",
    "rebuilt",
    "maintained",
    "was asked about",
    "kept postponing",
    "underestimated",
    "automated",
    "documented",
    "argued about",
    "migrated",
    "tested",
    "measured",
    "simplified",
    "owned",
    "inherited",
    "shipped",
    "debugged",
    "presented",
    "hired for",
    "budgeted for",
    "worried about",
    "prototyped",
    "replaced",
    "monitored",
    "questioned",
    "defended",
    "cleaned up",
    "scaled",
    "explained",
    "planned",
    "estimated",
    "negotiated",
    "evaluated",
    "dropped",
)
_EN_ADJECTIVES = (
    "new",
    "old",
    "internal",
    "messy",
    "slow",
    "reliable",
    "critical",
    "shared",
    "legacy",
    "experimental",
    "manual",
    "automated",
    "quarterly",
    "daily",
    "expensive",
    "cheap",
    "open-source",
    "custom",
    "fragile",
    "robust",
    "noisy",
    "clean",
    "large",
    "small",
    "first",
    "second",
    "real",
    "simple",
    "complex",
    "remote",
    "local",
    "public",
    "private",
    "annual",
    "weekly",
    "central",
    "regional",
    "technical",
    "statistical",
    "analytical",
    "predictive",
    "practical",
    "academic",
    "urgent",
    "boring",
    "interesting",
    "painful",
    "useful",
    "nai\u0308ve",
    "half-finished",
    "undocumented",
    "overdue",
    "promising",
    "risky",
    "popular",
    "unpopular",
    "Chinese",
    "English",
    "bilingual",
    "outsourced",
)
_EN_NOUNS = (
    "data pipeline",
    "model",
    "dashboard",
    "code",
    "report",
    "experiment",
    "database",
    "API",
    "deployment",
    "interview",
    "feature store",
    "notebook",
    "spreadsheet",
    "survey",
    "schema",
    "cluster",
    "budget",
    "roadmap",
    "process",
    "metric",
    "benchmark",
    "test suite",
    "release",
    "incident",
    "on-call rotation",
    "service",
    "customer",
    "stakeholder",
    "vendor",
    "contract",
    "warehouse",
    "query",
    "migration",
    "prototype",
    "paper",
    "library",
    "framework",
    "cloud bill",
    "GPU cluster",
    "training run",
    "label set",
    "annotation tool",
    "search index",
    "recommendation system",
    "forecast",
    "A/B test",
    "hiring process",
    "career ladder",
    "promotion case",
    "performance review",
    "onboarding",
    "documentation",
    "codebase",
    "monolith",
    "microservice",
    "batch job",
    "event stream",
    "alert",
    "SLA",
    "compliance review",
    "privacy policy",
    "data contract",
    "ETL job",
    "re\u0301sume\u0301",
    "machine learning platform",
    "language model",
    "prompt library",
    "evaluation set",
    "chatbot",
    "product launch",
    "conference talk",
    "side project",
    "certification",
    "bootcamp",
    "degree",
    "internship",
    "job offer",
    "salary",
    "workload",
    "deadline",
    "meeting",
    "standup",
    "retrospective",
    "sprint",
    "backlog",
    "ticket",
    "bug",
    "outage",
    "rollback",
    "cache",
    "partition",
    "cost model",
    "risk model",
    "churn model",
    "fraud model",
    "ranking model",
    "data catalog",
    "lineage graph",
    "quality check",
    "unit test",
    "code review",
    "design doc",
    "architecture",
    "tech debt",
    "vendor tool",
    "open-source project",
    "cafe\u0301 meetup",
    "translation workflow",
    "labelling guide",
    "offshore team",
    "annual plan",
    "hackathon",
    "reading group",
    "team offsite",
    "leadership",
    "org chart",
    "reorg",
    "layoff",
    "headcount",
    "visa process",
    "commute",
    "home office",
    "laptop",
    "security audit",
    "access request",
    "data request",
    "spreadsheet macro",
    "SQL query",
    "Python script",
    "R package",
    "Spark job",
    "Kafka topic",
    "Airflow DAG",
    "Kubernetes cluster",
    "Docker image",
    "CI pipeline",
    "fac\u0327ade",
    "cliche\u0301",
    "user study",
    "focus group",
    "customer call",
    "sales deck",
)
_EN_TAILS = (
    "",
    "",
    "",
    "",
    "",
    " at my last job",
    " during the review",
    " every week",
    " for the whole company",
    " without much support",
    " last quarter",
    " before the launch",
    " with very little data",
    " on a tight deadline",
    " for our biggest customer",
    " in the cloud",
    " on my own",
    " with two other people",
    " in two languages",
    " for the Shanghai office",
    " for the London office",
    " after the reorg",
    " again",
    " twice",
    " from scratch",
    " for months",
    " in a hurry",
    " by accident",
)
_EN_OPENERS = (
    "Honestly",
    "In practice",
    "To be fair",
    "Looking back",
    "At first",
    "Most of the time",
    "In my experience",
    "Frankly",
    "Surprisingly",
    "Over time",
    "Last year",
    "This year",
    "Before that",
    "In the end",
    "For what it's worth",
)
_EN_CONNECTORS = ("because", "although", "after", "when", "but", "and", "while", "until", "since")
_EN_FRAMES = (
    "The hardest part was the {a} {n}.",
    "What helped most was the {a} {n}.",
    "Nobody warned me how much time the {n} would take.",
    "If I could change one thing, it would be the {n}.",
    "I would not call the {n} a success, but it was {a}.",
    "The {n} and the {n2} were owned by different teams, which caused friction.",
    "Most of my week goes into the {n}.",
    "We still do not have a proper {n}.",
)
_EN_KEYWORD_FRAMES = (  # each contains ENGLISH_WORD
    "Getting the {n} into production took longer than anyone planned.",
    "{S} only trusted the {n} once it ran in production.",
    "The gap between a notebook and production is where most of my time goes.",
    "Production work is mostly plumbing, not modelling.",
    "{S} {v} the production {n}{t}.",
    "{S} {v} the {n} in production.",
)

_ZH_SUBJECTS = (
    "我",
    "我们团队",
    "我的同事",
    "领导",
    "大部分人",
    "我们公司",
    "数据团队",
    "产品经理",
    "新来的同事",
    "我以前的老板",
    "研究员",
    "整个部门",
    "我们组",
    "客户",
    "老板",
)
_ZH_ADVERBS = (
    "其实",
    "一直",
    "经常",
    "最近",
    "已经",
    "主要",
    "还是",
    "总是",
    "刚开始",
    "后来",
    "现在",
    "基本上",
    "每天",
    "",
    "",
    "",
)
_ZH_VERBS = (
    "在做",
    "负责",
    "研究",
    "学习",
    "参与",
    "维护",
    "优化",
    "准备",
    "讨论",
    "整理",
    "部署",
    "测试",
    "重构",
    "评估",
    "关注",
    "担心",
    "推动",
    "分析",
    "开发",
    "管理",
    "讨厌",
    "喜欢",
)
_ZH_MODIFIERS = (
    "新的",
    "旧的",
    "内部的",
    "复杂的",
    "重要的",
    "很多",
    "大量的",
    "核心的",
    "线上的",
    "离线的",
    "自己的",
    "公司的",
    "客户的",
    "",
    "",
    "",
    "",
)
_ZH_OBJECTS = (
    "数据",
    "模型",
    "代码",
    "生产环境",
    "机器学习",
    "数据分析",
    "项目",
    "产品",
    "系统",
    "平台",
    "实验",
    "报告",
    "数据库",
    "指标",
    "需求",
    "文档",
    "流程",
    "预算",
    "算法",
    "推荐系统",
    "搜索",
    "大模型",
    "训练数据",
    "标注",
    "看板",
    "接口",
    "服务",
    "上线",
    "故障",
    "监控",
    "测试用例",
    "技术债",
    "架构",
    "工具",
    "论文",
    "研究",
    "工程",
    "招聘",
    "职业发展",
    "薪资",
    "加班",
    "远程办公",
    "Python 代码",
    "SQL 查询",
    "A/B 测试",
    "KPI",
    "deadline",
    "数据质量",
    "特征工程",
    "深度学习",
    "统计",
    "可视化",
    "自动化",
    "云服务",
    "成本",
    "安全",
    "隐私",
    "dashboard",
    "pipeline",
    "周报",
    "绩效",
    "培训",
)
_ZH_TAILS = ("的工作", "的问题", "相关的事情", "方面的经验", "的细节", "的进度", "", "", "")
_ZH_ENDS = (
    "。",
    "。",
    "。",
    "，感觉压力很大。",
    "，收获很多。",
    "，但是效果一般。",
    "，这个过程很辛苦。",
    "！",
    "，说实话很有意思。",
    "，还需要继续改进。",
    "？",
    "，大家都觉得值得。",
)
_ZH_OPENERS = ("说实话", "总的来说", "一开始", "后来", "去年", "今年", "回头看", "老实讲")
_ZH_FRAMES = (
    "在{o}方面，{s}{d}{v}{o2}{e}",
    "{o}和{o2}都很重要{e}",
    "{s}觉得{o}比{o2}难{e}",
    "最难的是{m}{o}{e}",
    "如果可以重来，{s}会先做{o}{e}",
)
_ZH_WORD_FRAMES = (  # each contains CHINESE_WORD
    "面试的时候，{s}被问到很多{o}的问题。",
    "{s}准备面试花了很多时间，主要是复习{o}{e}",
    "上次面试，对方一直在问{o}。",
    "我觉得面试和实际工作差别很大{e}",
)
_ZH_PHRASE_FRAMES = (  # each contains CHINESE_PHRASE
    "作为数据工程师，我{d}{v}{m}{o}{e}",
    "很多工程师{d}{v}{o}{e}",
    "我们组里有三个算法工程师和一个研究员。",
    "工程师和研究员对{o}的看法不太一样{e}",
)

_EMOJI = (
    "🚀",
    "😅",
    "👍",
    "👍🏽",
    "🙃",
    "🤷\u200d♀️",
    "👩\u200d💻",
    "🇨🇳",
    "🇬🇧",
    "❤️",
    "🔥",
    "📈",
    "🎉",
    "😂",
    "🤔",
)

_JOB_TITLES = (
    "Data scientist",
    "Data engineer",
    "ML engineer",
    "Analyst",
    "Research scientist",
    "Software engineer",
    "Product manager",
    "Engineering manager",
    "BI developer",
    "Statistician",
    "Consultant",
    "Student",
    "Founder",
    "数据分析师",
    "算法工程师",
    "产品经理",
    "研究员",
    "Head of data",
    "Architect",
    "Other",
)
_INDUSTRIES = (
    "Finance",
    "Healthcare",
    "Retail",
    "E-commerce",
    "Education",
    "Government",
    "Manufacturing",
    "Media",
    "Telecom",
    "Logistics",
    "Energy",
    "Consulting",
    "Gaming",
    "Research",
    "互联网",
)
_COMPANY_SIZES = ("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+")

_CODE_PARENTS = (
    "Career path",
    "Skills",
    "Tools",
    "Team",
    "Management",
    "Hiring",
    "Data quality",
    "Infrastructure",
    "Research",
    "Business impact",
    "Learning",
    "Wellbeing",
    "Ethics",
    "Communication",
    "Future of work",
)
_CODE_CHILDREN = (
    "barriers",
    "motivation",
    "examples",
    "negative",
    "positive",
    "surprise",
    "cost",
    "time",
    "support",
    "conflict",
    "growth",
    "risk",
    "process",
    "quote-worthy",
    "comparison",
    "advice",
    "failure",
    "success",
    "uncertainty",
    "change",
)

# Per-sentence chances, tuned so each search term is in a realistic share of answers.
_P_EN_KEYWORD = 0.03
_P_ZH_WORD = 0.012
_P_ZH_PHRASE = 0.01
_P_EMOJI = 0.04
_P_CODE_SWITCH = 0.03  # an English answer with a Chinese sentence
_P_PARAGRAPH = 0.08  # a paragraph break before a sentence


@dataclass(frozen=True)
class Corpus:
    """One generated corpus. Segment plans refer to answers and codes by list index."""

    seed: int
    keys: list[str]  # respondent ids, B00001, ...
    languages: list[str]  # "en" or "zh", per answer
    attributes: list[tuple[str, str, str, str]]  # ATTRIBUTE_COLUMNS values, per respondent
    texts: list[str]  # the long answers
    codes: list[str]  # code paths "Parent/child"; each parent precedes its children
    segments: list[tuple[int, int, int, int]]  # (answer index, start, end, code index)

    @property
    def total_chars(self) -> int:
        return sum(len(t) for t in self.texts)

    def rows(self) -> Iterator[list[str]]:
        for key, language, attrs, text in zip(
            self.keys, self.languages, self.attributes, self.texts, strict=True
        ):
            yield [key, language, *attrs, text]

    def csv_bytes(self) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADERS)
        writer.writerows(self.rows())
        return out.getvalue().encode("utf-8")

    def write_csv(self, path: Path) -> Path:
        path.write_bytes(self.csv_bytes())
        return path

    def share_containing(self, term: str) -> float:
        """Fraction of answers containing `term` (case-insensitively), as search should find."""
        folded = term.casefold()
        if not self.texts:
            return 0.0
        return sum(folded in t.casefold() for t in self.texts) / len(self.texts)


def _inner(subject: str) -> str:
    """A sentence-initial subject for use inside a sentence: "My team" -> "my team"."""
    return subject if subject == "I" or subject[1:2].isupper() else subject[0].lower() + subject[1:]


class _Writer:
    """Sentence makers; each returns one sentence, without surrounding spaces."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.choice = rng.choice
        self.random = rng.random

    def english(self) -> str:
        c, r = self.choice, self.random()
        if self.random() < _P_EN_KEYWORD:
            frame = c(_EN_KEYWORD_FRAMES)
            return frame.format(S=c(_EN_SUBJECTS), v=c(_EN_VERBS), n=c(_EN_NOUNS), t=c(_EN_TAILS))
        if r < 0.45:
            s = f"{c(_EN_SUBJECTS)} {c(_EN_VERBS)} the {c(_EN_ADJECTIVES)} {c(_EN_NOUNS)}"
            s += c(_EN_TAILS) + "."
        elif r < 0.7:
            s = (
                f"{c(_EN_SUBJECTS)} {c(_EN_VERBS)} the {c(_EN_NOUNS)}, {c(_EN_CONNECTORS)} "
                f"{_inner(c(_EN_SUBJECTS))} {c(_EN_VERBS)} the {c(_EN_NOUNS)}{c(_EN_TAILS)}."
            )
        elif r < 0.85:
            s = (
                f"{c(_EN_OPENERS)}, {_inner(c(_EN_SUBJECTS))} {c(_EN_VERBS)} the "
                f"{c(_EN_NOUNS)}{c(_EN_TAILS)}."
            )
        else:
            s = c(_EN_FRAMES).format(a=c(_EN_ADJECTIVES), n=c(_EN_NOUNS), n2=c(_EN_NOUNS))
        return s

    def chinese(self) -> str:
        c, r = self.choice, self.random()
        k = self.random()
        if k < _P_ZH_WORD:
            frame = c(_ZH_WORD_FRAMES)
        elif k < _P_ZH_WORD + _P_ZH_PHRASE:
            frame = c(_ZH_PHRASE_FRAMES)
        elif r < 0.55:
            frame = "{s}{d}{v}{m}{o}{t}{e}"
        elif r < 0.75:
            frame = "{p}，{s}{d}{v}{o}{e}"
        else:
            frame = c(_ZH_FRAMES)
        o = c(_ZH_OBJECTS)
        o2 = c(_ZH_OBJECTS)
        return frame.format(
            s=c(_ZH_SUBJECTS),
            d=c(_ZH_ADVERBS),
            v=c(_ZH_VERBS),
            m=c(_ZH_MODIFIERS),
            o=o,
            o2=o2,
            t=c(_ZH_TAILS),
            e=c(_ZH_ENDS),
            p=c(_ZH_OPENERS),
        )

    def answer(self, language: str, target: int) -> tuple[str, list[tuple[int, int]]]:
        """An answer of about `target` characters and its sentences' `[start, end)` spans."""
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        at = 0
        english = language == "en"
        space = " " if english else ""
        while at < target or not spans:
            if english and self.random() >= _P_CODE_SWITCH:
                sentence = self.english()
            else:
                sentence = self.chinese()
            if self.random() < _P_EMOJI:
                sentence += " " + self.choice(_EMOJI)
            if spans:
                gap = "\n\n" if self.random() < _P_PARAGRAPH else space
                parts.append(gap)
                at += len(gap)
            parts.append(sentence)
            spans.append((at, at + len(sentence)))
            at += len(sentence)
        return "".join(parts), spans


def _code_paths(n: int) -> list[str]:
    """`n` code paths in a two-level tree: about one parent per 20 codes."""
    if n <= 0:
        return []
    parents = max(1, round(n / 20))
    names = [
        _CODE_PARENTS[i] if i < len(_CODE_PARENTS) else f"Theme {i + 1}" for i in range(parents)
    ]
    children: list[list[str]] = [[] for _ in names]
    for j in range(n - parents):
        p = j % parents
        k = len(children[p])
        child = _CODE_CHILDREN[k % len(_CODE_CHILDREN)]
        if k >= len(_CODE_CHILDREN):
            child = f"{child} {k // len(_CODE_CHILDREN) + 1}"
        children[p].append(child)
    paths: list[str] = []
    for name, kids in zip(names, children, strict=True):
        paths.append(name)
        paths.extend(f"{name}/{kid}" for kid in kids)
    return paths


def generate(
    rows: int = DEFAULT_ROWS,
    segments: int = DEFAULT_SEGMENTS,
    codes: int = DEFAULT_CODES,
    seed: int = DEFAULT_SEED,
    *,
    chars: int | None = None,
) -> Corpus:
    """A corpus of `rows` answers totalling about `chars` (default 500 per row) characters,
    `codes` codes and a plan of `segments` segments."""
    if rows < 1:
        raise ValueError("a corpus needs at least one row")
    if segments and not codes:
        raise ValueError("segments need at least one code")
    rng = random.Random(seed)
    writer = _Writer(rng)
    mean = (chars if chars is not None else rows * CHARS_PER_ROW) / rows
    # Lengths vary like real answers: mostly a paragraph, a long tail of essays.
    raw = [rng.lognormvariate(0.0, 0.9) for _ in range(rows)]
    scale = mean / (sum(raw) / rows)
    width = max(5, len(str(rows)))
    keys, languages, attributes, texts = [], [], [], []
    sentence_spans: list[list[tuple[int, int]]] = []
    for i in range(rows):
        language = "zh" if rng.random() < 0.4 else "en"
        overshoot = 40 if language == "en" else 12  # about half a sentence
        text, spans = writer.answer(language, max(20, int(raw[i] * scale) - overshoot))
        keys.append(f"B{i + 1:0{width}d}")
        languages.append(language)
        attributes.append(
            (
                rng.choice(_JOB_TITLES),
                rng.choice(_INDUSTRIES),
                rng.choice(_COMPANY_SIZES),
                str(min(40, int(rng.expovariate(1 / 7)))),
            ),
        )
        texts.append(text)
        sentence_spans.append(spans)
    paths = _code_paths(codes)
    plan: list[tuple[int, int, int, int]] = []
    if segments:
        # Longer answers get more segments; some codes are used far more than others.
        answer_weights = list(itertools.accumulate(len(t) for t in texts))
        ranks = list(range(len(paths)))
        rng.shuffle(ranks)
        code_weights = list(itertools.accumulate(1 / (1 + r) ** 0.7 for r in ranks))
        answers = rng.choices(range(rows), cum_weights=answer_weights, k=segments)
        coded = rng.choices(range(len(paths)), cum_weights=code_weights, k=segments)
        randrange, rand = rng.randrange, rng.random
        for a, code in zip(answers, coded, strict=True):
            spans = sentence_spans[a]
            first = randrange(len(spans))
            last = min(len(spans) - 1, first + (rand() < 0.3) + (rand() < 0.1))
            plan.append((a, spans[first][0], spans[last][1], code))
    return Corpus(seed, keys, languages, attributes, texts, paths, plan)
