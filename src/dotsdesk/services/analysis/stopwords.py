"""Words too common to say anything in a word count: English and Chinese function words."""

from __future__ import annotations

_ENGLISH = """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each even ever every few for from further get gets got had
    hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
    himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself
    just let's like lot lots many may me might more most much must mustn't my myself no nor not
    now of off often on once one only or other ought our ours ourselves out over own per quite
    rather really same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've thing things this those though through to too under until up upon us very
    was wasn't we we'd we'll we're we've well were weren't what what's when when's where
    where's whether which while who who's whom whose why why's will with within without won't
    would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves
"""

_CHINESE = """
    的 了 在 是 我 有 和 就 不 人 都 一 一个 上 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那
    他 她 它 我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 什么 怎么 为什么 哪 哪里 谁
    吗 呢 吧 啊 呀 哦 嗯 哈 嘛 么 之 与 及 或 或者 而 而且 但 但是 可是 然后 因为 所以 如果 虽然
    还 还是 又 再 才 已经 正在 被 把 让 给 从 对 向 于 以 为 比 跟 同 等 等等 其 其中 其实 比较
    可以 可能 应该 能 能够 需要 就是 只是 还有 以及 一些 一下 一直 一样 非常 特别 真的 觉得
    这里 那里 时候 现在 的话 来说 方面 所有 每个 各种 之后 之前 以后 以前 里 中 下 后 前
"""

ENGLISH = frozenset(_ENGLISH.split())
CHINESE = frozenset(_CHINESE.split())
