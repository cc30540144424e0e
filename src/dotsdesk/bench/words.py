"""Word lists the benchmark corpus is built from (English and Chinese survey answers)."""

from __future__ import annotations

# Data, kept compact rather than one word per line.
# fmt: off
ENGLISH_WORD = 'production'
CHINESE_WORD = '面试'
CHINESE_PHRASE = '工程师'
EN_SUBJECTS = (
    'I', 'We', 'My team', 'My manager', 'Our data team', 'Most engineers I know', 'A colleague',
    'The researchers', 'Our company', 'Everyone on the team', 'The new hire',
    'My previous boss', 'Our product manager', 'The platform group', 'Nobody', 'The analysts',
    'Our CTO', 'The contractors', 'My mentor', 'Half of the department',
)
EN_VERBS = (
    'spent most of the year on', 'struggled with', 'learned a lot about', 'moved into',
    'cared about', 'wrote', 'reviewed', 'rebuilt', 'maintained', 'was asked about',
    'kept postponing', 'underestimated', 'automated', 'documented', 'argued about', 'migrated',
    'tested', 'measured', 'simplified', 'owned', 'inherited', 'shipped', 'debugged',
    'presented', 'hired for', 'budgeted for', 'worried about', 'prototyped', 'replaced',
    'monitored', 'questioned', 'defended', 'cleaned up', 'scaled', 'explained', 'planned',
    'estimated', 'negotiated', 'evaluated', 'dropped',
)
EN_ADJECTIVES = (
    'new', 'old', 'internal', 'messy', 'slow', 'reliable', 'critical', 'shared', 'legacy',
    'experimental', 'manual', 'automated', 'quarterly', 'daily', 'expensive', 'cheap',
    'open-source', 'custom', 'fragile', 'robust', 'noisy', 'clean', 'large', 'small', 'first',
    'second', 'real', 'simple', 'complex', 'remote', 'local', 'public', 'private', 'annual',
    'weekly', 'central', 'regional', 'technical', 'statistical', 'analytical', 'predictive',
    'practical', 'academic', 'urgent', 'boring', 'interesting', 'painful', 'useful', 'naïve',
    'half-finished', 'undocumented', 'overdue', 'promising', 'risky', 'popular', 'unpopular',
    'Chinese', 'English', 'bilingual', 'outsourced',
)
EN_NOUNS = (
    'data pipeline', 'model', 'dashboard', 'code', 'report', 'experiment', 'database', 'API',
    'deployment', 'interview', 'feature store', 'notebook', 'spreadsheet', 'survey', 'schema',
    'cluster', 'budget', 'roadmap', 'process', 'metric', 'benchmark', 'test suite', 'release',
    'incident', 'on-call rotation', 'service', 'customer', 'stakeholder', 'vendor', 'contract',
    'warehouse', 'query', 'migration', 'prototype', 'paper', 'library', 'framework',
    'cloud bill', 'GPU cluster', 'training run', 'label set', 'annotation tool', 'search index',
    'recommendation system', 'forecast', 'A/B test', 'hiring process', 'career ladder',
    'promotion case', 'performance review', 'onboarding', 'documentation', 'codebase',
    'monolith', 'microservice', 'batch job', 'event stream', 'alert', 'SLA',
    'compliance review', 'privacy policy', 'data contract', 'ETL job', 'résumé',
    'machine learning platform', 'language model', 'prompt library', 'evaluation set',
    'chatbot', 'product launch', 'conference talk', 'side project', 'certification', 'bootcamp',
    'degree', 'internship', 'job offer', 'salary', 'workload', 'deadline', 'meeting', 'standup',
    'retrospective', 'sprint', 'backlog', 'ticket', 'bug', 'outage', 'rollback', 'cache',
    'partition', 'cost model', 'risk model', 'churn model', 'fraud model', 'ranking model',
    'data catalog', 'lineage graph', 'quality check', 'unit test', 'code review', 'design doc',
    'architecture', 'tech debt', 'vendor tool', 'open-source project', 'café meetup',
    'translation workflow', 'labelling guide', 'offshore team', 'annual plan', 'hackathon',
    'reading group', 'team offsite', 'leadership', 'org chart', 'reorg', 'layoff', 'headcount',
    'visa process', 'commute', 'home office', 'laptop', 'security audit', 'access request',
    'data request', 'spreadsheet macro', 'SQL query', 'Python script', 'R package', 'Spark job',
    'Kafka topic', 'Airflow DAG', 'Kubernetes cluster', 'Docker image', 'CI pipeline',
    'façade', 'cliché', 'user study', 'focus group', 'customer call', 'sales deck',
)
EN_TAILS = (
    '', '', '', '', '', ' at my last job', ' during the review', ' every week',
    ' for the whole company', ' without much support', ' last quarter', ' before the launch',
    ' with very little data', ' on a tight deadline', ' for our biggest customer',
    ' in the cloud', ' on my own', ' with two other people', ' in two languages',
    ' for the Shanghai office', ' for the London office', ' after the reorg', ' again',
    ' twice', ' from scratch', ' for months', ' in a hurry', ' by accident',
)
EN_OPENERS = (
    'Honestly', 'In practice', 'To be fair', 'Looking back', 'At first', 'Most of the time',
    'In my experience', 'Frankly', 'Surprisingly', 'Over time', 'Last year', 'This year',
    'Before that', 'In the end', "For what it's worth",
)
EN_CONNECTORS = (
    'because', 'although', 'after', 'when', 'but', 'and', 'while', 'until', 'since',
)
EN_FRAMES = (
    'The hardest part was the {a} {n}.', 'What helped most was the {a} {n}.',
    'Nobody warned me how much time the {n} would take.',
    'If I could change one thing, it would be the {n}.',
    'I would not call the {n} a success, but it was {a}.',
    'The {n} and the {n2} were owned by different teams, which caused friction.',
    'Most of my week goes into the {n}.', 'We still do not have a proper {n}.',
)
EN_KEYWORD_FRAMES = (
    'Getting the {n} into production took longer than anyone planned.',
    '{S} only trusted the {n} once it ran in production.',
    'The gap between a notebook and production is where most of my time goes.',
    'Production work is mostly plumbing, not modelling.', '{S} {v} the production {n}{t}.',
    '{S} {v} the {n} in production.',
)
ZH_SUBJECTS = (
    '我', '我们团队', '我的同事', '领导', '大部分人', '我们公司', '数据团队', '产品经理',
    '新来的同事', '我以前的老板', '研究员', '整个部门', '我们组', '客户', '老板',
)
ZH_ADVERBS = (
    '其实', '一直', '经常', '最近', '已经', '主要', '还是', '总是', '刚开始', '后来', '现在',
    '基本上', '每天', '', '', '',
)
ZH_VERBS = (
    '在做', '负责', '研究', '学习', '参与', '维护', '优化', '准备', '讨论', '整理', '部署',
    '测试', '重构', '评估', '关注', '担心', '推动', '分析', '开发', '管理', '讨厌', '喜欢',
)
ZH_MODIFIERS = (
    '新的', '旧的', '内部的', '复杂的', '重要的', '很多', '大量的', '核心的', '线上的',
    '离线的', '自己的', '公司的', '客户的', '', '', '', '',
)
ZH_OBJECTS = (
    '数据', '模型', '代码', '生产环境', '机器学习', '数据分析', '项目', '产品', '系统', '平台',
    '实验', '报告', '数据库', '指标', '需求', '文档', '流程', '预算', '算法', '推荐系统',
    '搜索', '大模型', '训练数据', '标注', '看板', '接口', '服务', '上线', '故障', '监控',
    '测试用例', '技术债', '架构', '工具', '论文', '研究', '工程', '招聘', '职业发展', '薪资',
    '加班', '远程办公', 'Python 代码', 'SQL 查询', 'A/B 测试', 'KPI', 'deadline', '数据质量',
    '特征工程', '深度学习', '统计', '可视化', '自动化', '云服务', '成本', '安全', '隐私',
    'dashboard', 'pipeline', '周报', '绩效', '培训',
)
ZH_TAILS = (
    '的工作', '的问题', '相关的事情', '方面的经验', '的细节', '的进度', '', '', '',
)
ZH_ENDS = (
    '。', '。', '。', '，感觉压力很大。', '，收获很多。', '，但是效果一般。',
    '，这个过程很辛苦。', '！', '，说实话很有意思。', '，还需要继续改进。', '？',
    '，大家都觉得值得。',
)
ZH_OPENERS = (
    '说实话', '总的来说', '一开始', '后来', '去年', '今年', '回头看', '老实讲',
)
ZH_FRAMES = (
    '在{o}方面，{s}{d}{v}{o2}{e}', '{o}和{o2}都很重要{e}', '{s}觉得{o}比{o2}难{e}',
    '最难的是{m}{o}{e}', '如果可以重来，{s}会先做{o}{e}',
)
ZH_WORD_FRAMES = (
    '面试的时候，{s}被问到很多{o}的问题。', '{s}准备面试花了很多时间，主要是复习{o}{e}',
    '上次面试，对方一直在问{o}。', '我觉得面试和实际工作差别很大{e}',
)
ZH_PHRASE_FRAMES = (
    '作为数据工程师，我{d}{v}{m}{o}{e}', '很多工程师{d}{v}{o}{e}',
    '我们组里有三个算法工程师和一个研究员。', '工程师和研究员对{o}的看法不太一样{e}',
)
EMOJI = (
    '🚀', '😅', '👍', '👍🏽', '🙃', '🤷\u200d♀️', '👩\u200d💻', '🇨🇳', '🇬🇧', '❤️', '🔥', '📈',
    '🎉', '😂', '🤔',
)
JOB_TITLES = (
    'Data scientist', 'Data engineer', 'ML engineer', 'Analyst', 'Research scientist',
    'Software engineer', 'Product manager', 'Engineering manager', 'BI developer',
    'Statistician', 'Consultant', 'Student', 'Founder', '数据分析师', '算法工程师', '产品经理',
    '研究员', 'Head of data', 'Architect', 'Other',
)
INDUSTRIES = (
    'Finance', 'Healthcare', 'Retail', 'E-commerce', 'Education', 'Government', 'Manufacturing',
    'Media', 'Telecom', 'Logistics', 'Energy', 'Consulting', 'Gaming', 'Research', '互联网',
)
COMPANY_SIZES = (
    '1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+',
)
CODE_PARENTS = (
    'Career path', 'Skills', 'Tools', 'Team', 'Management', 'Hiring', 'Data quality',
    'Infrastructure', 'Research', 'Business impact', 'Learning', 'Wellbeing', 'Ethics',
    'Communication', 'Future of work',
)
CODE_CHILDREN = (
    'barriers', 'motivation', 'examples', 'negative', 'positive', 'surprise', 'cost', 'time',
    'support', 'conflict', 'growth', 'risk', 'process', 'quote-worthy', 'comparison', 'advice',
    'failure', 'success', 'uncertainty', 'change',
)
P_EN_KEYWORD = 0.03
P_ZH_WORD = 0.012
P_ZH_PHRASE = 0.01
P_EMOJI = 0.04
P_CODE_SWITCH = 0.03
P_PARAGRAPH = 0.08
# fmt: on
