<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementTab</name>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>编码者</translation>
    </message>
    <message>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Agreement compares two coders&apos; work on the same responses. This project has one coder so far: merge a colleague&apos;s copy (File &gt; Merge a Colleague&apos;s Copy…).</source>
        <translation>一致性分析比较两位编码者对同一批回答的编码。这个项目目前只有一位编码者：请合并同事的副本（文件 &gt; 合并同事的副本…）。</translation>
    </message>
    <message>
        <source>Choose two coders</source>
        <translation>请选择两位编码者</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Kappa (characters)</source>
        <translation>Kappa（按字符）</translation>
    </message>
    <message>
        <source>Kappa (responses)</source>
        <translation>Kappa（按回答）</translation>
    </message>
    <message>
        <source>Alpha (responses)</source>
        <translation>Alpha（按回答）</translation>
    </message>
    <message>
        <source>% agreement (characters)</source>
        <translation>一致率 %（按字符）</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Coded only by</source>
        <translation>仅由谁编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) both coded</source>
        <translation>
            <numerusform>%n 条回答两人都编了码</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreeing stretch(es)</source>
        <translation>
            <numerusform>%n 处分歧</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2. Double-click one to compare the two versions.</source>
        <translation>%1；%2。双击其中一处即可比较两个版本。</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>response</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Counting words… %p%</source>
        <translation>正在统计词频… %p%</translation>
    </message>
    <message>
        <source>Frequencies</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>By</source>
        <translation>按</translation>
    </message>
    <message>
        <source>Crosstab</source>
        <translation>交叉表</translation>
    </message>
    <message>
        <source>Together by</source>
        <translation>共现单位</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>共现</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词频</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>All respondents</source>
        <translation>全部受访者</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>搜索“%1”</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln 条回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln respondent(s)</source>
        <translation>
            <numerusform>%Ln 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>Filtered as the browser: %1 of %2 (%3)</source>
        <translation>按浏览器的筛选：来自 %2 的 %1（%3）</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>AnalysisTables</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>With sub-codes</source>
        <translation>含子编码</translation>
    </message>
    <message>
        <source>% of respondents</source>
        <translation>受访者占比 %</translation>
    </message>
    <message>
        <source>% of column</source>
        <translation>列占比 %</translation>
    </message>
    <message>
        <source>% of row</source>
        <translation>行占比 %</translation>
    </message>
    <message>
        <source>% of total</source>
        <translation>总体占比 %</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Base (n)</source>
        <translation>基数 (n)</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>AutoParagraphNote</name>
    <message>
        <source>dotsdesk writes this paragraph from the post&apos;s series and the consent levels and translations its quotes use.</source>
        <translation>这一段由 dotsdesk 根据文章所属系列、引文所用的知情同意级别和译文自动写成。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>保存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>One whole .dots file with everything saved so far, to copy or mail</source>
        <translation>一个完整的 .dots 文件，含迄今保存的一切，可复制或邮寄</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>A backup of the project, into a new file or over it</source>
        <translation>把项目的某个备份恢复为新文件，或覆盖当前项目</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
    <message>
        <source>Save a copy of the project</source>
        <translation>保存项目副本</translation>
    </message>
    <message>
        <source>%1: is the project itself; choose another name</source>
        <translation>%1：这就是项目本身；请换一个名字</translation>
    </message>
    <message>
        <source>Saved a copy of the project as %1</source>
        <translation>已把项目副本保存为 %1</translation>
    </message>
    <message>
        <source>Saving a copy as %1…</source>
        <translation>正在保存副本 %1…</translation>
    </message>
    <message>
        <source>Restore over the project</source>
        <translation>覆盖恢复项目</translation>
    </message>
    <message>
        <source>Put the backup from %1 in place of %2?</source>
        <translation>用 %1 的备份替换 %2 吗？</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup holds %1.</source>
        <translation>备份中有 %1。</translation>
    </message>
    <message>
        <source>The project as it is now is backed up first (or, when it is damaged, kept beside it), so this too can be undone by restoring again.</source>
        <translation>会先备份项目的当前状态（如果项目已损坏，则保留在旁边），因此这一步也可以通过再次恢复来撤销。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Opened the backup from %1, restored as %2</source>
        <translation>已打开 %1 的备份，恢复为 %2</translation>
    </message>
    <message>
        <source>Restoring into %1…</source>
        <translation>正在恢复到 %1…</translation>
    </message>
    <message>
        <source>Restored the backup from %1; the project as it was is kept as %2</source>
        <translation>已恢复 %1 的备份；项目原来的版本保存为 %2</translation>
    </message>
    <message>
        <source>Restored the backup from %1</source>
        <translation>已恢复 %1 的备份</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <source>Select a section or block in the outline.</source>
        <translation>请在大纲中选择一个章节或内容块。</translation>
    </message>
</context>
<context>
    <name>BlockPage</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Over %1.</source>
        <translation>统计范围：%1。</translation>
    </message>
    <message>
        <source>Over %1 (%2 now).</source>
        <translation>统计范围：%1（现为 %2 人）。</translation>
    </message>
    <message>
        <source>Now %1 (%2 of %3)</source>
        <translation>现为 %1（%3 人中的 %2 人）</translation>
    </message>
    <message>
        <source>The bullets read as in the preview</source>
        <translation>各条目如预览所示</translation>
    </message>
    <message>
        <source>%1; was %2 when %3.</source>
        <translation>%1；%3时为 %2。</translation>
    </message>
    <message>
        <source>%1, as %2.</source>
        <translation>%1，与%2时相同。</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
</context>
<context>
    <name>BrowserSetMenu</name>
    <message>
        <source>Add selected to set</source>
        <translation>将所选加入集合</translation>
    </message>
    <message>
        <source>New set…</source>
        <translation>新建集合…</translation>
    </message>
    <message>
        <source>New set from selection…</source>
        <translation>用所选新建集合…</translation>
    </message>
    <message>
        <source>New set from the current filter…</source>
        <translation>用当前筛选新建集合…</translation>
    </message>
    <message>
        <source>No responses to make a set of</source>
        <translation>没有可建集合的回答</translation>
    </message>
</context>
<context>
    <name>CellSegmentList</name>
    <message>
        <source>Click a cell to list its segments</source>
        <translation>点击单元格以列出其片段</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 from %3, the first %4 listed</source>
        <translation>%1：%2，来自 %3，列出前 %4 个</translation>
    </message>
    <message>
        <source>%1: %2 from %3</source>
        <translation>%1：%2，来自 %3</translation>
    </message>
</context>
<context>
    <name>CellSegmentsModel</name>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>charts are saved as .png or .svg</source>
        <translation>图表只能保存为 .png 或 .svg</translation>
    </message>
    <message>
        <source>Respondents per code (with sub-codes)</source>
        <translation>各编码的受访者人数（含子编码）</translation>
    </message>
    <message>
        <source>The %1 codes with the most respondents</source>
        <translation>受访者最多的 %1 个编码</translation>
    </message>
    <message>
        <source>%1% of %2</source>
        <translation>%2 人中的 %1%</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，按%2</translation>
    </message>
    <message>
        <source>% of the respondents with the value</source>
        <translation>具有该值的受访者中的占比 %</translation>
    </message>
    <message>
        <source>Most frequent words</source>
        <translation>最常见的词</translation>
    </message>
</context>
<context>
    <name>CodeDetailsDialog</name>
    <message>
        <source>%1: description and memo</source>
        <translation>%1：说明与备忘录</translation>
    </message>
    <message>
        <source>What the code means; when to apply it</source>
        <translation>这个编码的含义；何时使用</translation>
    </message>
    <message>
        <source>Notes, questions, patterns noticed</source>
        <translation>笔记、问题、发现的模式</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
</context>
<context>
    <name>CodeMenus</name>
    <message>
        <source>No codes yet</source>
        <translation>还没有编码</translation>
    </message>
</context>
<context>
    <name>CodePalette</name>
    <message>
        <source>Type a code path, Enter applies; a new path creates</source>
        <translation>输入编码路径，按 Enter 应用；新路径会新建编码</translation>
    </message>
    <message>
        <source>Pin to key %1</source>
        <translation>固定到按键 %1</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Seg.</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Resp.</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Segments coded with the code itself</source>
        <translation>直接用这个编码标注的片段</translation>
    </message>
    <message>
        <source>Respondents those segments come from</source>
        <translation>这些片段来自的受访者</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memo:&lt;/i&gt; %1</source>
        <translation>&lt;i&gt;备忘录：&lt;/i&gt;%1</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>With its sub-codes: %1 from %2</source>
        <translation>连同子编码：%1，来自 %2</translation>
    </message>
    <message>
        <source>Rename code %1 to %2</source>
        <translation>把编码 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Move code %1</source>
        <translation>移动编码 %1</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>&amp;New code</source>
        <translation>新建编码(&amp;N)</translation>
    </message>
    <message>
        <source>New code under the selected code (at the top level if none is selected)</source>
        <translation>在所选编码下新建编码（未选择时建在顶层）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New &amp;top-level code</source>
        <translation>新建顶层编码(&amp;T)</translation>
    </message>
    <message>
        <source>New code at the top level</source>
        <translation>在顶层新建编码</translation>
    </message>
    <message>
        <source>&amp;Rename code</source>
        <translation>重命名编码(&amp;R)</translation>
    </message>
    <message>
        <source>Rename code</source>
        <translation>重命名编码</translation>
    </message>
    <message>
        <source>Code &amp;colour…</source>
        <translation>编码颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>Code colour</source>
        <translation>编码颜色</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Code description and &amp;memo…</source>
        <translation>编码说明与备忘录(&amp;M)…</translation>
    </message>
    <message>
        <source>Code description and memo</source>
        <translation>编码说明与备忘录</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>&amp;Merge code into…</source>
        <translation>合并编码到(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge code into another</source>
        <translation>把编码合并到另一个编码</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>&amp;Delete code…</source>
        <translation>删除编码(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>删除编码</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Apply code to selection</source>
        <translation>为选中文字应用编码(&amp;A)</translation>
    </message>
    <message>
        <source>Code the text selected in the coding panel with the selected code</source>
        <translation>用所选编码标注编码面板中选中的文字</translation>
    </message>
    <message>
        <source>Pin to Key</source>
        <translation>固定到按键</translation>
    </message>
    <message>
        <source>%1 (now %2)</source>
        <translation>%1（当前：%2）</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>新编码</translation>
    </message>
    <message>
        <source>New code %1</source>
        <translation>新编码 %1</translation>
    </message>
    <message>
        <source>Add code %1</source>
        <translation>添加编码 %1</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <source>Recolour code %1</source>
        <translation>更改编码 %1 的颜色</translation>
    </message>
    <message>
        <source>Edit description and memo of %1</source>
        <translation>编辑 %1 的说明与备忘录</translation>
    </message>
    <message>
        <source>Merge code %1 into %2</source>
        <translation>把编码 %1 合并到 %2</translation>
    </message>
    <message numerus="yes">
        <source>Merged %1 into %2: %n segment(s) moved</source>
        <translation>
            <numerusform>已把 %1 合并到 %2：移动了 %n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already had %1</source>
        <translation>
            <numerusform>%n 个原已有 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Delete “%1”?

%2.

Undo brings them back.</source>
        <translation>删除“%1”吗？

%2。

撤销可以恢复。</translation>
    </message>
    <message>
        <source>Delete code %1</source>
        <translation>删除编码 %1</translation>
    </message>
    <message>
        <source>Deleted %1: %2</source>
        <translation>已删除 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n 个编码</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) coded only with them are deleted</source>
        <translation>
            <numerusform>%n 个只带这些编码的片段将被删除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) keep their other codes</source>
        <translation>
            <numerusform>%n 个片段保留其他编码</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Who is coding</source>
        <translation>谁在编码</translation>
    </message>
    <message>
        <source>Who is coding? Your name is saved with each segment and memo you make, so that several people can code the same answers and each sees who coded what.</source>
        <translation>谁在编码？你的名字会随你建立的每个片段和备忘录一起保存，这样多人可以为同一批回答编码，并看到谁编了什么。</translation>
    </message>
    <message>
        <source>Who is coding from now on? Segments already made keep the name they were made with.</source>
        <translation>从现在起由谁编码？已建立的片段保留当时的编码者名字。</translation>
    </message>
    <message>
        <source>Change it any time from the status bar, or Edit &gt; Who is coding…</source>
        <translation>随时可以在状态栏或“编辑 &gt; 谁在编码…”中更改。</translation>
    </message>
    <message>
        <source>Who is &amp;coding…</source>
        <translation>谁在编码(&amp;C)…</translation>
    </message>
    <message>
        <source>The name saved with each segment and memo you make</source>
        <translation>随你建立的每个片段和备忘录一起保存的名字</translation>
    </message>
    <message>
        <source>Who is coding: saved with each segment you make. Click to change.</source>
        <translation>谁在编码：随你建立的每个片段一起保存。点击可更改。</translation>
    </message>
    <message>
        <source>Coder: %1</source>
        <translation>编码者：%1</translation>
    </message>
    <message>
        <source>Coding as %1</source>
        <translation>当前编码者：%1</translation>
    </message>
</context>
<context>
    <name>CodingHeader</name>
    <message>
        <source>listed quotes only</source>
        <translation>仅限所列引文</translation>
    </message>
    <message>
        <source>translation ok</source>
        <translation>允许翻译</translation>
    </message>
    <message>
        <source>no translation</source>
        <translation>不允许翻译</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · consent: %3 · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · 知情同意：%3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s), %1 by %2;</source>
        <translation>
            <numerusform>%n 个话轮，%1 个由 %2 说出；</numerusform>
        </translation>
    </message>
    <message>
        <source>the others&apos; turns (shaded) are context, never quoted or counted as theirs</source>
        <translation>他人的话轮（灰底）只是语境，不会被引用，也不会算作其话语</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>按键：%1</translation>
    </message>
    <message>
        <source>coder: %1</source>
        <translation>编码者：%1</translation>
    </message>
    <message>
        <source>memo: %1</source>
        <translation>备忘录：%1</translation>
    </message>
</context>
<context>
    <name>CodingMenu</name>
    <message>
        <source>code %1</source>
        <translation>编码 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Change %1 to…</source>
        <translation>把 %1 改为…</translation>
    </message>
    <message>
        <source>Memo on the code %1…</source>
        <translation>编码 %1 的备忘录…</translation>
    </message>
    <message>
        <source>Edit memo…</source>
        <translation>编辑备忘录…</translation>
    </message>
    <message>
        <source>Add memo…</source>
        <translation>添加备忘录…</translation>
    </message>
    <message>
        <source>Narrow the segment to the selection</source>
        <translation>把片段缩小到选中范围</translation>
    </message>
    <message>
        <source>Widen the segment to the selection</source>
        <translation>把片段扩大到选中范围</translation>
    </message>
    <message>
        <source>Resize the segment to the selection</source>
        <translation>把片段调整到选中范围</translation>
    </message>
    <message>
        <source>Select the segment</source>
        <translation>选中片段</translation>
    </message>
</context>
<context>
    <name>CodingOps</name>
    <message>
        <source>Edit response memo</source>
        <translation>编辑回答备忘录</translation>
    </message>
    <message>
        <source>Edit segment memo</source>
        <translation>编辑片段备忘录</translation>
    </message>
    <message>
        <source>Edit code memo</source>
        <translation>编辑编码备忘录</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation>请先选择一段文字</translation>
    </message>
    <message>
        <source>Create code %1 and code with it</source>
        <translation>新建编码 %1 并用它编码</translation>
    </message>
    <message>
        <source>Remove code %1</source>
        <translation>移除编码 %1</translation>
    </message>
    <message>
        <source>Change code %1 to %2</source>
        <translation>把编码 %1 改为 %2</translation>
    </message>
    <message>
        <source>Resize segment</source>
        <translation>调整片段</translation>
    </message>
    <message>
        <source>Pin code to key %1</source>
        <translation>把编码固定到按键 %1</translation>
    </message>
    <message>
        <source>Unpin code</source>
        <translation>取消固定编码</translation>
    </message>
</context>
<context>
    <name>CodingPanel</name>
    <message>
        <source>Code with…</source>
        <translation>编码为…</translation>
    </message>
    <message>
        <source>Find in response…</source>
        <translation>在回答中查找…</translation>
    </message>
    <message>
        <source>Show translation</source>
        <translation>显示译文</translation>
    </message>
    <message>
        <source>Snap selection to words</source>
        <translation>选择时对齐到整词</translation>
    </message>
    <message>
        <source>Extend a mouse selection to whole words (Alt-drag: exact)</source>
        <translation>把鼠标选择扩展到整词（按住 Alt 拖动：精确选择）</translation>
    </message>
    <message>
        <source>Response memo…</source>
        <translation>回答备忘录…</translation>
    </message>
    <message>
        <source>Code with pinned code %1</source>
        <translation>用固定编码 %1 编码</translation>
    </message>
    <message>
        <source>Choose a response to read and code it.</source>
        <translation>选择一条回答来阅读和编码。</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>没有回答</translation>
    </message>
    <message>
        <source>Show translation (%1)</source>
        <translation>显示译文（%1）</translation>
    </message>
    <message>
        <source>No code is pinned to key %1: pin one from the palette (Ctrl+K)</source>
        <translation>按键 %1 没有固定编码：请在快速编码面板（Ctrl+K）中固定一个</translation>
    </message>
    <message>
        <source>Code the selection with…</source>
        <translation>为所选文字编码…</translation>
    </message>
    <message>
        <source>Nothing is selected: right-click a code to pin it to a key</source>
        <translation>没有选中文字：右键点击编码可把它固定到按键</translation>
    </message>
    <message>
        <source>Change %1 to…</source>
        <translation>把 %1 改为…</translation>
    </message>
    <message>
        <source>Memo on the response</source>
        <translation>回答的备忘录</translation>
    </message>
    <message>
        <source>Memo on the segment</source>
        <translation>片段的备忘录</translation>
    </message>
    <message>
        <source>Memo on the code</source>
        <translation>编码的备忘录</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>编码 %1</translation>
    </message>
</context>
<context>
    <name>ColumnsMenu</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>No attributes</source>
        <translation>没有属性</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare %1 and %2</source>
        <translation>比较 %1 与 %2</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一条</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一条 ▶</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>response %1</source>
        <translation>回答 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n disagreement(s)</source>
        <translation>
            <numerusform>%1 — %n 处分歧</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — they agree</source>
        <translation>%1 — 两人一致</translation>
    </message>
    <message>
        <source>Keep %1&apos;s %2 on “%3”</source>
        <translation>在“%3”上保留 %1 的 %2</translation>
    </message>
</context>
<context>
    <name>ComposerActions</name>
    <message>
        <source>Add section</source>
        <translation>添加章节</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Statistic…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新章节</translation>
    </message>
    <message>
        <source>Add a section first</source>
        <translation>请先添加一个章节</translation>
    </message>
    <message>
        <source>New paragraph.</source>
        <translation>新段落。</translation>
    </message>
    <message>
        <source>Add paragraph</source>
        <translation>添加段落</translation>
    </message>
    <message>
        <source>The codebook is empty: add codes first</source>
        <translation>编码本为空：请先添加编码</translation>
    </message>
    <message>
        <source>Add statistic</source>
        <translation>添加统计</translation>
    </message>
    <message>
        <source>Share of respondents coded</source>
        <translation>被编码受访者所占比例</translation>
    </message>
    <message>
        <source>{percent} of sampled respondents ({count} of {total}).</source>
        <translation>{percent} 的受访者（{total} 人中的 {count} 人）。</translation>
    </message>
    <message>
        <source>Add links</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <source>Add quote</source>
        <translation>添加引文</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>删除章节</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>删除内容块</translation>
    </message>
</context>
<context>
    <name>ConsentFilter</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Never asked</source>
        <translation>从未征询</translation>
    </message>
</context>
<context>
    <name>ConsentTableModel</name>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Days pending</source>
        <translation>待答复天数</translation>
    </message>
    <message>
        <source>Days since the latest request, while the answer is pending</source>
        <translation>最近一次征询以来的天数（尚未答复时）</translation>
    </message>
</context>
<context>
    <name>ConsentTracker</name>
    <message>
        <source>Record consent request (%1)</source>
        <translation>记录知情同意征询（%1）</translation>
    </message>
    <message>
        <source>Record consent (%1)</source>
        <translation>记录知情同意（%1）</translation>
    </message>
    <message>
        <source>Record refusal (%1)</source>
        <translation>记录拒绝（%1）</translation>
    </message>
    <message>
        <source>Record withdrawal (%1)</source>
        <translation>记录撤回（%1）</translation>
    </message>
    <message>
        <source>Add consent note (%1)</source>
        <translation>添加知情同意备注（%1）</translation>
    </message>
    <message>
        <source>Who still needs asking</source>
        <translation>还需征询谁</translation>
    </message>
    <message>
        <source>Copy everyone never asked or still pending to the clipboard, tab-separated (label, name, contact, days pending) for a mail merge. It includes their PRIVATE names and contacts: paste it only into your own mail tool.</source>
        <translation>把从未征询或尚未答复的人复制到剪贴板，以制表符分隔（化名、姓名、联系方式、待答复天数），用于邮件合并。其中包含他们的私密姓名和联系方式：只能粘贴到你自己的邮件工具中。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Record an event</source>
        <translation>记录事件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Select a respondent to see their consent and record events.</source>
        <translation>选择一位受访者，查看其知情同意情况并记录事件。</translation>
    </message>
    <message>
        <source>Select a respondent first</source>
        <translation>请先选择一位受访者</translation>
    </message>
    <message>
        <source>Record consent %1 (%2)</source>
        <translation>记录知情同意：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n respondent(s) still to ask, with their private names and contacts, to the clipboard</source>
        <translation>
            <numerusform>已把 %n 位待征询的受访者（含私密姓名和联系方式）复制到剪贴板</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentWords</name>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>by handle</source>
        <translation>以网名</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>以真名</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>never asked</source>
        <translation>从未征询</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CountsBar</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;/%2 granted:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;/%2 已同意：</translation>
    </message>
    <message>
        <source>%1 %2, translation allowed</source>
        <translation>%1（%2），允许翻译</translation>
    </message>
    <message>
        <source>%1 %2, no translation</source>
        <translation>%1（%2），不允许翻译</translation>
    </message>
    <message>
        <source>%1, since %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message numerus="yes">
        <source>%1, asked %n day(s) ago</source>
        <translation>
            <numerusform>%1，%n 天前征询</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Coded only by</source>
        <translation>仅由谁编码</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Keep %1&apos;s</source>
        <translation>保留 %1 的</translation>
    </message>
    <message>
        <source>Accept %1&apos;s version: %2 gains %3 here</source>
        <translation>接受 %1 的版本：%2 在此处加上 %3</translation>
    </message>
    <message>
        <source>Accept %1&apos;s version: %2&apos;s %3 is taken off here</source>
        <translation>接受 %1 的版本：去掉 %2 在此处的 %3</translation>
    </message>
</context>
<context>
    <name>DraftComposer</name>
    <message>
        <source>Add block</source>
        <translation>添加内容块</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>No.%1 · %2</source>
        <translation>第 %1 期 · %2</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新章节</translation>
    </message>
    <message>
        <source>New paragraph.</source>
        <translation>新段落。</translation>
    </message>
    <message>
        <source>No post: choose one, or use File &gt; New post from codes…</source>
        <translation>没有文章：请选择一篇，或使用“文件 &gt; 从编码新建文章…”</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
</context>
<context>
    <name>DraftsBox</name>
    <message>
        <source>Drafts that quote them</source>
        <translation>引用其话语的草稿</translation>
    </message>
    <message>
        <source>No draft quotes %1.</source>
        <translation>没有草稿引用 %1。</translation>
    </message>
    <message>
        <source>These quotes of %1 are blocked (%2); remove or replace them.</source>
        <translation>%1 的这些引文已被阻止（%2）；请删除或替换。</translation>
    </message>
    <message>
        <source>Quotes of %1 in these drafts are allowed.</source>
        <translation>这些草稿中 %1 的引文是允许的。</translation>
    </message>
    <message numerus="yes">
        <source>%1 No.%2: %3 (%n quote(s))</source>
        <translation>
            <numerusform>%1 第 %2 期：%3（%n 处引文）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n quote(s))</source>
        <translation>
            <numerusform>%1（%n 处引文）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Request sent</source>
        <translation>已发出征询</translation>
    </message>
    <message>
        <source>Answer: granted</source>
        <translation>答复：同意</translation>
    </message>
    <message>
        <source>Answer: declined</source>
        <translation>答复：拒绝</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>forum message</source>
        <translation>论坛私信</translation>
    </message>
    <message>
        <source>survey form</source>
        <translation>问卷表单</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Record request</source>
        <translation>记录征询</translation>
    </message>
    <message>
        <source>Record grant</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <source>Record refusal</source>
        <translation>记录拒绝</translation>
    </message>
    <message>
        <source>Record withdrawal</source>
        <translation>记录撤回</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>e-mail, forum message, …</source>
        <translation>电子邮件、论坛私信…</translation>
    </message>
    <message>
        <source>e.g. quote anonymously or with your forum ID</source>
        <translation>例如：匿名引用，或署上你的论坛 ID</translation>
    </message>
    <message>
        <source>may be published</source>
        <translation>可以发表</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>e.g. 1point3acres BBS (optional)</source>
        <translation>例如：一亩三分地论坛（可选）</translation>
    </message>
    <message>
        <source>their forum ID, saved to their private identity</source>
        <translation>其论坛 ID，保存到私密身份信息中</translation>
    </message>
    <message>
        <source>their name, saved to their private identity</source>
        <translation>其姓名，保存到私密身份信息中</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>征询内容</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>论坛</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>网名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>No handle on file. Consent by handle prints it beside their quotes: type it below to save it with this grant.</source>
        <translation>尚未记录网名。以网名署名的知情同意会把网名印在其引文旁：请在下面填写，随这次同意一并保存。</translation>
    </message>
    <message>
        <source>No name on file. Consent by name prints it beside their quotes: type it below to save it with this grant.</source>
        <translation>尚未记录姓名。以真名署名的知情同意会把姓名印在其引文旁：请在下面填写，随这次同意一并保存。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>FilterMenu</name>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>No attributes</source>
        <translation>没有属性</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>（无值）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>has %1</source>
        <translation>有 %1</translation>
    </message>
    <message>
        <source>lacks %1</source>
        <translation>没有 %1</translation>
    </message>
    <message>
        <source>consent: %1</source>
        <translation>知情同意：%1</translation>
    </message>
    <message>
        <source>language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <source>coded</source>
        <translation>已编码</translation>
    </message>
    <message>
        <source>uncoded</source>
        <translation>未编码</translation>
    </message>
    <message numerus="yes">
        <source>%n rarer value(s) not listed</source>
        <translation>
            <numerusform>另有 %n 个较少见的值未列出</numerusform>
        </translation>
    </message>
    <message>
        <source>Has code</source>
        <translation>有编码</translation>
    </message>
    <message>
        <source>Lacks code</source>
        <translation>没有编码</translation>
    </message>
    <message>
        <source>{name} (any)</source>
        <translation>{name}（任一）</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Coded or not</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>已编码</translation>
    </message>
    <message>
        <source>Uncoded</source>
        <translation>未编码</translation>
    </message>
    <message>
        <source>in set: %1</source>
        <translation>在集合中：%1</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>No sets yet</source>
        <translation>还没有集合</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this response</source>
        <translation>在这条回答中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>（无问题）</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>Code whole answer with…</source>
        <translation>为整条回答编码…</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>dotsdesk &amp;Guide</source>
        <translation>dotsdesk 使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About dotsdesk</source>
        <translation>关于 dotsdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>dotsdesk Guide</source>
        <translation>dotsdesk 使用指南</translation>
    </message>
    <message>
        <source>A workbench for qualitative research that ends in writing.</source>
        <translation>以写作为终点的质性研究工作台。</translation>
    </message>
    <message>
        <source>Icons: Tabler Icons (MIT licence).</source>
        <translation>图标：Tabler Icons（MIT 许可证）。</translation>
    </message>
    <message>
        <source>About dotsdesk</source>
        <translation>关于 dotsdesk</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>requested</source>
        <translation>征询</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Asked / note</source>
        <translation>征询内容 / 备注</translation>
    </message>
    <message>
        <source>asked: %1</source>
        <translation>征询：%1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>listed segments only</source>
        <translation>仅限所列片段</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>What would be coded</source>
        <translation>将被编码的内容</translation>
    </message>
</context>
<context>
    <name>IdentityBox</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>论坛</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>网名</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>their real name (printed only with consent by name)</source>
        <translation>其真实姓名（只在以真名署名的知情同意下印出）</translation>
    </message>
    <message>
        <source>e.g. for asking consent</source>
        <translation>例如：用于征询知情同意</translation>
    </message>
    <message>
        <source>e.g. 1point3acres BBS</source>
        <translation>例如：一亩三分地论坛</translation>
    </message>
    <message>
        <source>their forum ID (printed only with consent by handle)</source>
        <translation>其论坛 ID（只在以网名署名的知情同意下印出）</translation>
    </message>
    <message>
        <source>anything else private</source>
        <translation>其他私密信息</translation>
    </message>
    <message>
        <source>Private — shown only in this tracker</source>
        <translation>私密信息——只在此追踪面板中显示</translation>
    </message>
    <message>
        <source>Real names and contacts never leave the project, except in the consent register export, which says so on its first sheet.</source>
        <translation>真实姓名和联系方式不会离开项目，唯一的例外是知情同意登记表导出，它会在第一张工作表上注明。</translation>
    </message>
    <message>
        <source>No identity recorded.</source>
        <translation>尚未记录身份信息。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add or change their name, contacts, forum and handle</source>
        <translation>添加或修改其姓名、联系方式、论坛和网名</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>(detect)</source>
        <translation>（自动检测）</translation>
    </message>
    <message>
        <source>respondent id</source>
        <translation>受访者编号</translation>
    </message>
    <message>
        <source>response</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>received date</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>lines %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码方式：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read this file.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取这个文件。&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Mark at least one column as response, and at most one as id</source>
        <translation>请至少把一列标为回答，最多把一列标为受访者编号</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n 列</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>header in %1</source>
        <translation>表头位于 %1</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>编码方式 %1</translation>
    </message>
    <message>
        <source>sheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot tell the respondents apart:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法区分受访者：&lt;/b&gt;%1</translation>
    </message>
    <message numerus="yes">
        <source>%n new respondent(s)</source>
        <translation>
            <numerusform>%n 位新受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 already in the project (updated)</source>
        <translation>%1，%2 位已在项目中（将更新）</translation>
    </message>
    <message>
        <source>Kept private, never exported: %1</source>
        <translation>作为私密信息保存，不会导出：%1</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>%1, %2 updated</source>
        <translation>%1，更新 %2 位</translation>
    </message>
    <message numerus="yes">
        <source>%n new respondent(s)</source>
        <translation>
            <numerusform>%n 位新受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 updated, %3 unchanged</source>
        <translation>%1，更新 %2 条，未变 %3 条</translation>
    </message>
    <message numerus="yes">
        <source>%n new response(s)</source>
        <translation>
            <numerusform>%n 条新回答</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed answers: %1 segment(s) re-anchored, %2 dropped</source>
        <translation>回答有改动：%1 个片段重新定位，%2 个丢弃</translation>
    </message>
    <message>
        <source>Already imported before, nothing changed: %1</source>
        <translation>之前已导入，未做任何更改：%1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>dotsdesk will speak %1 from its next start. Restart now?</source>
        <translation>dotsdesk 下次启动时将使用%1。现在重新启动吗？</translation>
    </message>
    <message>
        <source>The open project is opened again after the restart.</source>
        <translation>重新启动后会再次打开当前项目。</translation>
    </message>
</context>
<context>
    <name>LinksPage</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>删除链接</translation>
    </message>
    <message>
        <source>Edit links</source>
        <translation>编辑链接</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Responses</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>打开示例项目(&amp;S)</translation>
    </message>
    <message>
        <source>Reset sample pro&amp;ject…</source>
        <translation>重置示例项目(&amp;J)…</translation>
    </message>
    <message>
        <source>Replace the sample project with a fresh copy, after saying what goes and keeping a backup</source>
        <translation>用全新副本替换示例项目：先说明会失去什么，并保留一份备份</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Merge a Colleague&apos;s Copy…</source>
        <translation>合并同事的副本(&amp;M)…</translation>
    </message>
    <message>
        <source>Bring in the segments and memos another coder made in their copy of this project</source>
        <translation>导入另一位编码者在其项目副本中建立的片段和备忘录</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to RE&amp;FI-QDA…</source>
        <translation>导出到 REFI-QDA(&amp;F)…</translation>
    </message>
    <message>
        <source>A .qdpx project or .qdc codebook for NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette</source>
        <translation>供 NVivo、ATLAS.ti、MAXQDA、QualCoder、Taguette 使用的 .qdpx 项目或 .qdc 编码本</translation>
    </message>
    <message>
        <source>Export consent &amp;register…</source>
        <translation>导出知情同意登记表(&amp;R)…</translation>
    </message>
    <message>
        <source>The consent register with history, in Excel. It holds private identity.</source>
        <translation>含历史记录的知情同意登记表（Excel）。其中含有私密身份信息。</translation>
    </message>
    <message>
        <source>New &amp;post from codes…</source>
        <translation>从编码新建文章(&amp;P)…</translation>
    </message>
    <message>
        <source>Export p&amp;ost…</source>
        <translation>导出文章(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Draft in Its Own Window</source>
        <translation>在单独窗口中显示草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Codes</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一条</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一条</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>dotsdesk projects</source>
        <translation>dotsdesk 项目</translation>
    </message>
    <message>
        <source>Upgraded the project; the old version is kept as %1</source>
        <translation>已升级项目；旧版本保存为 %1</translation>
    </message>
    <message>
        <source>%1 — dotsdesk</source>
        <translation>%1 — dotsdesk</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message numerus="yes">
        <source>%Ln respondent(s)</source>
        <translation>
            <numerusform>%Ln 位受访者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln 条回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln code(s)</source>
        <translation>
            <numerusform>%Ln 个编码</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s)</source>
        <translation>
            <numerusform>%Ln 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>No code has child codes to make sections from</source>
        <translation>没有带子编码的编码，无法据此生成章节</translation>
    </message>
    <message>
        <source>New post “%1”</source>
        <translation>新文章“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个章节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n 条引文</numerusform>
        </translation>
    </message>
    <message>
        <source>Drafted “%1”: %2 from %3, %4.</source>
        <translation>已起草“%1”：从 %3 生成 %2，%4。</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>新文章</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) were not quoted because of consent:</source>
        <translation>
            <numerusform>%n 个片段因知情同意未被引用：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoList</name>
    <message>
        <source>Search memos (English, 中文)…</source>
        <translation>搜索备忘录（English、中文）…</translation>
    </message>
    <message>
        <source>All memos</source>
        <translation>全部备忘录</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>New project memo</source>
        <translation>新建项目备忘录</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Show what the memo is on</source>
        <translation>显示备忘录所属的对象</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A memo on the project as a whole: a thought, a plan, a decision.</source>
        <translation>关于整个项目的备忘录：一个想法、一个计划或一个决定。</translation>
    </message>
    <message>
        <source>On: %1. Empty the text to delete the memo.</source>
        <translation>所属：%1。清空文字即删除此备忘录。</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>编辑备忘录</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>删除备忘录</translation>
    </message>
</context>
<context>
    <name>MemosModel</name>
    <message>
        <source>On</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>By</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>编码 %1</translation>
    </message>
    <message>
        <source>Response of %1</source>
        <translation>%1 的回答</translation>
    </message>
    <message>
        <source>Segment of %1</source>
        <translation>%1 的片段</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>“%1”（%2）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into…</source>
        <translation>把 %1 合并到…</translation>
    </message>
    <message>
        <source>Filter codes</source>
        <translation>筛选编码</translation>
    </message>
    <message>
        <source>Its segments get the chosen code and its sub-codes move there; “%1” is then deleted.</source>
        <translation>它的片段会改用所选编码，它的子编码也会移到那里；随后删除“%1”。</translation>
    </message>
</context>
<context>
    <name>MergeWords</name>
    <message>
        <source>Merge a colleague&apos;s copy</source>
        <translation>合并同事的副本</translation>
    </message>
    <message>
        <source>%1: is the project itself; choose the colleague&apos;s copy</source>
        <translation>%1：这就是项目本身；请选择同事的副本</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>合并 %1</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>正在合并 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Merged %1: %n segment(s) added.</source>
        <translation>
            <numerusform>已合并 %1：新增 %n 个片段。</numerusform>
        </translation>
    </message>
    <message>
        <source>This project already holds everything in %1.</source>
        <translation>这个项目已经包含 %1 中的全部内容。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>the project as it was before is kept as %1</source>
        <translation>项目合并前的版本保存为 %1</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed</source>
        <translation>已取消合并；没有任何更改</translation>
    </message>
</context>
<context>
    <name>NewPostDialog</name>
    <message>
        <source>New post from codes</source>
        <translation>从编码新建文章</translation>
    </message>
    <message>
        <source>Do you write production code as a data scientist?</source>
        <translation>作为数据科学家，你写生产代码吗？</translation>
    </message>
    <message>
        <source>Connect the Dots (optional)</source>
        <translation>连点成线（可选）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Number in series</source>
        <translation>系列中的期号</translation>
    </message>
    <message>
        <source>Sections from the children of</source>
        <translation>以此编码的子编码为章节</translation>
    </message>
</context>
<context>
    <name>NewSetDialog</name>
    <message>
        <source>New set</source>
        <translation>新建集合</translation>
    </message>
    <message numerus="yes">
        <source>Respondents: %n person(s), with all their answers</source>
        <translation>
            <numerusform>受访者：%n 人，含其全部回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Responses: just these %n answer(s)</source>
        <translation>
            <numerusform>回答：仅这 %n 条回答</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The set holds:</source>
        <translation>集合包含：</translation>
    </message>
</context>
<context>
    <name>OpenTeamDialog</name>
    <message>
        <source>Open Team Project</source>
        <translation>打开团队项目</translation>
    </message>
    <message>
        <source>A project your team shares on a PostgreSQL server. Ask its owner for the address and your user name; the password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>团队共享在 PostgreSQL 服务器上的项目。请向项目所有者索取地址和你的用户名；密码保存在这台电脑的密钥环中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>No system keyring here: the password is used for now only.</source>
        <translation>这里没有系统密钥环：密码只用于本次。</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>人物概况</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Series line (automatic)</source>
        <translation>系列说明（自动）</translation>
    </message>
    <message>
        <source>Consent note (automatic)</source>
        <translation>知情同意说明（自动）</translation>
    </message>
    <message>
        <source>quote removed: the segment was deleted</source>
        <translation>引文已移除：该片段已被删除</translation>
    </message>
    <message numerus="yes">
        <source>%n bullet(s) from attributes</source>
        <translation>
            <numerusform>来自属性的 %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n 个链接</numerusform>
        </translation>
    </message>
    <message>
        <source>(opening, no heading)</source>
        <translation>（开篇，无标题）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Add quote</source>
        <translation>添加引文</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>移动章节</translation>
    </message>
    <message>
        <source>Move block</source>
        <translation>移动内容块</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>Drag sections and blocks to reorder them; drop a segment from the codebook or the coding panel to quote it.</source>
        <translation>拖动章节和内容块可调整顺序；从编码本或编码面板拖入片段即可引用。</translation>
    </message>
</context>
<context>
    <name>PaletteModel</name>
    <message>
        <source>Create code “%1”</source>
        <translation>新建编码“%1”</translation>
    </message>
</context>
<context>
    <name>ParagraphPage</name>
    <message>
        <source>**bold**, *italic*, [a link](https://…), and lines starting with “- ” for bullets</source>
        <translation>**粗体**、*斜体*、[链接](https://…)，以“- ”开头的行为列表条目</translation>
    </message>
    <message>
        <source>Edit paragraph</source>
        <translation>编辑段落</translation>
    </message>
</context>
<context>
    <name>PinRow</name>
    <message>
        <source>Pin code to key %1</source>
        <translation>将编码固定到按键 %1</translation>
    </message>
    <message>
        <source>Unpin code</source>
        <translation>取消固定编码</translation>
    </message>
</context>
<context>
    <name>PinSlot</name>
    <message>
        <source>Key %1 codes with %2. Right-click to unpin.</source>
        <translation>按键 %1 用“%2”编码。右键单击可取消固定。</translation>
    </message>
    <message>
        <source>Drag a code here to code with it by key %1</source>
        <translation>把编码拖到这里，即可用按键 %1 以它编码</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
</context>
<context>
    <name>PopulationBar</name>
    <message>
        <source>Population…</source>
        <translation>统计范围…</translation>
    </message>
    <message>
        <source>Choose the respondents this post&apos;s figures count</source>
        <translation>选择这篇文章的数值所统计的受访者</translation>
    </message>
    <message>
        <source>Accept figures</source>
        <translation>接受数值</translation>
    </message>
    <message>
        <source>Make the figures as they are now the ones later changes are reported against</source>
        <translation>以当前数值为基准，此后的变化都与之比较</translation>
    </message>
    <message>
        <source>Figures over %1</source>
        <translation>数值的统计范围：%1</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n figure(s) as they are now</source>
        <translation>
            <numerusform>已接受 %n 个当前数值</numerusform>
        </translation>
    </message>
    <message>
        <source>Set the post&apos;s population</source>
        <translation>设置文章的统计范围</translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message>
        <source>Population of the post</source>
        <translation>文章的统计范围</translation>
    </message>
    <message>
        <source>The post&apos;s statistics and profile are computed over these respondents, now and after later imports. Changing them changes figures; each change is listed as an issue until you accept it.</source>
        <translation>文章中的统计和人物概况按这些受访者计算，今后导入新数据也是如此。更改统计范围会改变数值；每一处变化都会列为待处理项，直到你接受为止。</translation>
    </message>
    <message>
        <source>Every respondent now in the project (%1)</source>
        <translation>项目中现有的全部受访者（%1 人）</translation>
    </message>
    <message>
        <source>The respondents of these imported files:</source>
        <translation>以下导入文件中的受访者：</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n respondent(s))</source>
        <translation>
            <numerusform>%1（%n 位受访者）</numerusform>
        </translation>
    </message>
    <message>
        <source>Set population</source>
        <translation>设置统计范围</translation>
    </message>
    <message>
        <source>Name beside each figure</source>
        <translation>每个数值旁显示的名称</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Own font for the text</source>
        <translation>正文使用自选字体</translation>
    </message>
    <message>
        <source>As the window</source>
        <translation>与窗口相同</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Snap selections to whole words (not in Chinese, which has no spaces)</source>
        <translation>选择时扩展到整个单词（中文没有空格，不扩展）</translation>
    </message>
    <message>
        <source>Show a response&apos;s translation beside it when it has one</source>
        <translation>回答有译文时，在旁边显示译文</translation>
    </message>
    <message>
        <source>New codes take colour-blind-safe colours</source>
        <translation>新编码使用色盲友好的颜色</translation>
    </message>
    <message>
        <source>All respondents</source>
        <translation>全部受访者</translation>
    </message>
    <message>
        <source>Who is coding:</source>
        <translation>编码者：</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Default population:</source>
        <translation>默认统计范围：</translation>
    </message>
</context>
<context>
    <name>PreviewWords</name>
    <message>
        <source>drafted on %1</source>
        <translation>%1 起草</translation>
    </message>
    <message>
        <source>exported on %1</source>
        <translation>%1 导出</translation>
    </message>
    <message>
        <source>accepted on %1</source>
        <translation>%1 接受</translation>
    </message>
    <message>
        <source>No issues</source>
        <translation>没有待处理项</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s): %1; and %2 more</source>
        <translation>
            <numerusform>%n 个待处理项：%1；另有 %2 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s): %1</source>
        <translation>
            <numerusform>%n 个待处理项：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Over %1 · was %2 when %3</source>
        <translation>统计范围：%1 · %3时为 %2</translation>
    </message>
    <message>
        <source>Over %1 · as %2</source>
        <translation>统计范围：%1 · 与%2时相同</translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation>统计范围：%1</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>措辞</translation>
    </message>
    <message>
        <source>Wording fields: {values} (the values, in the bullet&apos;s order), {top} (the most common), {n} (how many), {min} / {max} (numbers), {Attribute} / {attribute} (its name)</source>
        <translation>措辞中可用的字段：{values}（各个值，按条目中的顺序）、{top}（最常见的值）、{n}（个数）、{min} / {max}（数值）、{Attribute} / {attribute}（属性名）</translation>
    </message>
    <message>
        <source>Add bullet</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>Remove bullet</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>(fixed text)</source>
        <translation>（固定文字）</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>编辑人物概况</translation>
    </message>
</context>
<context>
    <name>ProjectContext</name>
    <message>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation>请先选择一段文字</translation>
    </message>
    <message>
        <source>Code with %1</source>
        <translation>用 %1 编码</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>QuoteFinder</name>
    <message>
        <source>Find a quote (English or 中文)…</source>
        <translation>查找引文（英文或中文）…</translation>
    </message>
    <message>
        <source>Add quote</source>
        <translation>添加引文</translation>
    </message>
    <message>
        <source>Double-click, or drag onto the outline, to quote a segment</source>
        <translation>双击或拖到大纲上即可引用片段</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>No coded segment</source>
        <translation>没有编码片段</translation>
    </message>
    <message numerus="yes">
        <source>%n+ coded segment(s)</source>
        <translation>
            <numerusform>%n 个以上编码片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coded segment(s)</source>
        <translation>
            <numerusform>%n 个编码片段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuoteHitModel</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 · %2 (via translation) — %3</source>
        <translation>%1 · %2（通过译文）— %3</translation>
    </message>
    <message>
        <source>%1 · %2 — %3</source>
        <translation>%1 · %2 — %3</translation>
    </message>
</context>
<context>
    <name>QuotePage</name>
    <message>
        <source>From the post&apos;s labels (e.g. Researcher A)</source>
        <translation>来自文章的化名（如“研究员 A”）</translation>
    </message>
    <message>
        <source>is working in {a} {Company size} {Industry} company</source>
        <translation>在{a}{Company size}{Industry}公司工作</translation>
    </message>
    <message>
        <source>pair coding  →  “on pair coding”</source>
        <translation>结对编程  →  “谈结对编程”</translation>
    </message>
    <message>
        <source>Use the recorded translation</source>
        <translation>使用已记录的译文</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>化名</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>(from the topic code)</source>
        <translation>（来自话题编码）</translation>
    </message>
    <message>
        <source>pair coding</source>
        <translation>结对编程</translation>
    </message>
    <message>
        <source>Edit quote</source>
        <translation>编辑引文</translation>
    </message>
    <message>
        <source>The quoted segment was deleted; there is nothing to quote.</source>
        <translation>被引用的片段已删除，没有可引用的内容。</translation>
    </message>
    <message>
        <source>segment not found</source>
        <translation>找不到片段</translation>
    </message>
</context>
<context>
    <name>ReportExports</name>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Analysis report (Excel)…</source>
        <translation>分析报告（Excel）…</translation>
    </message>
    <message>
        <source>Codebook with charts (Word)…</source>
        <translation>含图表的编码本（Word）…</translation>
    </message>
    <message>
        <source>Coded excerpts, internal (Word)…</source>
        <translation>编码摘录，内部版（Word）…</translation>
    </message>
    <message>
        <source>Coded excerpts for sharing (Word)…</source>
        <translation>编码摘录，可分享版（Word）…</translation>
    </message>
    <message>
        <source>Analysis report</source>
        <translation>分析报告</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <source>Coded excerpts</source>
        <translation>编码摘录</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Cancelled; %1 was not written</source>
        <translation>已取消；没有写入 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>RespondentEdits</name>
    <message>
        <source>no respondent with id %1</source>
        <translation>没有编号为 %1 的受访者</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>把 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Renamed %1 to %2</source>
        <translation>已把 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Edit private identity (%1)</source>
        <translation>编辑私密身份信息（%1）</translation>
    </message>
    <message>
        <source>Rename &amp;label</source>
        <translation>重命名化名(&amp;L)</translation>
    </message>
    <message>
        <source>Rename the respondent&apos;s public label (F2); undo with Ctrl+Z</source>
        <translation>重命名受访者的公开化名（F2）；可用 Ctrl+Z 撤销</translation>
    </message>
</context>
<context>
    <name>ResponseBrowser</name>
    <message>
        <source>Search responses (English, 中文)…</source>
        <translation>搜索回答（英文、中文）…</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the search and every filter</source>
        <translation>清除搜索和所有筛选</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>One row per response</source>
        <translation>每条回答一行</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>One row per respondent, one column per question</source>
        <translation>每位受访者一行，每个问题一列</translation>
    </message>
    <message>
        <source>&amp;Next uncoded response</source>
        <translation>下一条未编码回答(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous uncoded response</source>
        <translation>上一条未编码回答(&amp;P)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s) (+%1 kept)</source>
        <translation>
            <numerusform>%Ln 条回答（另保留 %1 条）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln 条回答</numerusform>
        </translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>筛选（%1）</translation>
    </message>
    <message>
        <source>Filter by attribute, code, consent…</source>
        <translation>按属性、编码、知情同意…筛选</translation>
    </message>
    <message>
        <source>No uncoded response before this one</source>
        <translation>这条之前没有未编码的回答</translation>
    </message>
    <message>
        <source>No uncoded response after this one</source>
        <translation>这条之后没有未编码的回答</translation>
    </message>
    <message>
        <source>search: %1</source>
        <translation>搜索：%1</translation>
    </message>
</context>
<context>
    <name>ResponseTableModel</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Attribute: %1</source>
        <translation>属性：%1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Taken</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>on open</source>
        <translation>打开时</translation>
    </message>
    <message>
        <source>while working</source>
        <translation>工作期间</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>before a REFI-QDA import</source>
        <translation>REFI-QDA 导入前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before a reset</source>
        <translation>重置前</translation>
    </message>
    <message>
        <source>dotsdesk projects</source>
        <translation>dotsdesk 项目</translation>
    </message>
    <message>
        <source>%1, beside the project</source>
        <translation>%1，保存在项目旁边</translation>
    </message>
    <message>
        <source>Restore %1 from a backup</source>
        <translation>从备份恢复 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is damaged&lt;/b&gt; and cannot be opened. The newest good backup is selected: restore it into a new file, or over the damaged project (which is kept beside it).</source>
        <translation>&lt;b&gt;%1 已损坏&lt;/b&gt;，无法打开。已选中最新的完好备份：可以把它恢复为新文件，或覆盖已损坏的项目（损坏的项目会保留在旁边）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is damaged&lt;/b&gt; and cannot be opened. There is no good backup of it.</source>
        <translation>&lt;b&gt;%1 已损坏&lt;/b&gt;，无法打开。它没有完好的备份。</translation>
    </message>
    <message>
        <source>Backups of %1, newest first. dotsdesk takes them when the project is opened, every 10 minutes while you work, and before an upgrade, a merge or a REFI-QDA import; they are kept in %2.</source>
        <translation>%1 的备份，最新的在前。dotsdesk 会在打开项目时、工作期间每 10 分钟、以及升级、合并或 REFI-QDA 导入之前自动备份；备份保存在 %2。</translation>
    </message>
    <message>
        <source>%1 has no backups yet: they are taken when it is opened.</source>
        <translation>%1 还没有备份：打开项目时会自动备份。</translation>
    </message>
    <message>
        <source>Restore to a &amp;New File…</source>
        <translation>恢复为新文件(&amp;N)…</translation>
    </message>
    <message>
        <source>Restore &amp;over the Project…</source>
        <translation>覆盖恢复项目(&amp;O)…</translation>
    </message>
    <message>
        <source>%1 restored %2</source>
        <translation>%1 恢复于 %2</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>恢复为新文件</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>RetrieveModel</name>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Coded words in context</source>
        <translation>上下文中的编码文字</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Coded words</source>
        <translation>编码文字</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
</context>
<context>
    <name>RetrieveOutput</name>
    <message>
        <source>Coded segments: %1</source>
        <translation>编码片段：%1</translation>
    </message>
    <message>
        <source>Export coded excerpts to Word</source>
        <translation>将编码摘录导出到 Word</translation>
    </message>
    <message>
        <source>Export coded segments to Excel</source>
        <translation>将编码片段导出到 Excel</translation>
    </message>
    <message>
        <source>Wrote %n segment(s) to %1</source>
        <translation>已将 %n 个片段写入 %1</translation>
    </message>
</context>
<context>
    <name>RetrievePanel</name>
    <message>
        <source>Choose codes…</source>
        <translation>选择编码…</translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation>包括子编码</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Speaker&apos;s turn</source>
        <translation>说话人的话轮</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Codes:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>仅限：</translation>
    </message>
    <message>
        <source>the browser&apos;s filter</source>
        <translation>浏览器的筛选</translation>
    </message>
    <message>
        <source>every respondent</source>
        <translation>所有受访者</translation>
    </message>
    <message>
        <source>Choose one or more codes to list their segments.</source>
        <translation>选择一个或多个编码，列出它们的片段。</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from %2, all respondents</source>
        <translation>%1，来自 %2，统计范围为全部受访者</translation>
    </message>
    <message>
        <source>%1 from %2, filtered as the browser</source>
        <translation>%1，来自 %2，按浏览器的筛选</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n segment(s)</source>
        <translation>
            <numerusform>已复制 %n 个片段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleProject</name>
    <message>
        <source>%1
The sample project was not reset.</source>
        <translation>%1
示例项目没有重置。</translation>
    </message>
    <message>
        <source>Reset the sample project; the old one is kept as %1</source>
        <translation>已重置示例项目；旧项目保存为 %1</translation>
    </message>
    <message>
        <source>The sample project cannot be read; it is replaced as it is.</source>
        <translation>无法读取示例项目；将原样替换。</translation>
    </message>
    <message>
        <source>What you did in it will be gone from the sample project:</source>
        <translation>你在示例项目中做过的以下内容将会消失：</translation>
    </message>
    <message>
        <source>• and the changes these numbers do not show: consent recorded, codes renamed or recoloured, memos, drafts edited</source>
        <translation>• 以及这些数字没有体现的更改：记录的知情同意、重命名或改色的编码、备忘录、编辑过的草稿</translation>
    </message>
    <message>
        <source>• every change you made: consent recorded, codes renamed or recoloured, memos, drafts edited</source>
        <translation>• 你做过的所有更改：记录的知情同意、重命名或改色的编码、备忘录、编辑过的草稿</translation>
    </message>
    <message>
        <source>Reset the sample project</source>
        <translation>重置示例项目</translation>
    </message>
    <message>
        <source>Replace the sample project with a fresh copy?</source>
        <translation>用一份全新的副本替换示例项目吗？</translation>
    </message>
    <message>
        <source>A backup copy of it is kept first, beside it: %1</source>
        <translation>会先在同一位置保留一份备份：%1</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>SearchCodeDialog</name>
    <message>
        <source>Search and Code</source>
        <translation>搜索并编码</translation>
    </message>
    <message>
        <source>words, e.g. interview 面试</source>
        <translation>词语，例如 interview 面试</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>The words found</source>
        <translation>找到的词语</translation>
    </message>
    <message>
        <source>Their sentence</source>
        <translation>所在句子</translation>
    </message>
    <message>
        <source>Their paragraph</source>
        <translation>所在段落</translation>
    </message>
    <message>
        <source>The speaker&apos;s turn</source>
        <translation>说话人的话轮</translation>
    </message>
    <message>
        <source>The whole response</source>
        <translation>整条回答</translation>
    </message>
    <message>
        <source>All responses</source>
        <translation>全部回答</translation>
    </message>
    <message>
        <source>The browser&apos;s current filter</source>
        <translation>浏览器当前的筛选</translation>
    </message>
    <message>
        <source>a code, or a new path such as Theme/Cost</source>
        <translation>一个编码，或新路径，例如 Theme/Cost</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Code the hits</source>
        <translation>为命中编码</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Unit to code:</source>
        <translation>编码范围：</translation>
    </message>
    <message>
        <source>In:</source>
        <translation>在：</translation>
    </message>
    <message>
        <source>With the code:</source>
        <translation>使用编码：</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处命中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n 条回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 from %3</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in the interviewer&apos;s or others&apos; turns skipped</source>
        <translation>
            <numerusform>已跳过访谈者或他人话轮中的 %n 处命中</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a code or type a new one</source>
        <translation>请选择一个编码或输入新编码</translation>
    </message>
    <message>
        <source>Search and code “%1” with %2</source>
        <translation>搜索“%1”并以 %2 编码</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) made</source>
        <translation>
            <numerusform>已创建 %n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1，编码为 %2</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>No heading (an opening section)</source>
        <translation>无标题（开篇章节）</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>重命名章节</translation>
    </message>
</context>
<context>
    <name>SegmentListModel</name>
    <message>
        <source>Resp.</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码者</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>The coded text</source>
        <translation>被编码的文字</translation>
    </message>
    <message>
        <source>Who coded it</source>
        <translation>由谁编码</translation>
    </message>
    <message>
        <source>(%1, coded by %2)</source>
        <translation>（%1，编码者：%2）</translation>
    </message>
</context>
<context>
    <name>SegmentPane</name>
    <message>
        <source>Include sub-codes</source>
        <translation>包括子编码</translation>
    </message>
    <message>
        <source>Also list the segments of the code&apos;s sub-codes</source>
        <translation>同时列出其子编码的片段</translation>
    </message>
    <message>
        <source>Select a code to list its segments</source>
        <translation>选择一个编码以列出其片段</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2，%3</translation>
    </message>
</context>
<context>
    <name>SetMemoDocks</name>
    <message>
        <source>Sets</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>Open a post in the Draft tab first</source>
        <translation>请先在草稿标签页中打开一篇文章</translation>
    </message>
    <message>
        <source>Set the post&apos;s population</source>
        <translation>设置文章的统计范围</translation>
    </message>
</context>
<context>
    <name>Sets</name>
    <message>
        <source>New set %1</source>
        <translation>新建集合 %1</translation>
    </message>
    <message>
        <source>Made the set %1</source>
        <translation>已建立集合 %1</translation>
    </message>
    <message>
        <source>Add to set %1</source>
        <translation>加入集合 %1</translation>
    </message>
    <message>
        <source>%n new member(s) in %1</source>
        <translation>%1 新增 %n 个成员</translation>
    </message>
    <message>
        <source>Rename set %1 to %2</source>
        <translation>将集合 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Delete set %1</source>
        <translation>删除集合 %1</translation>
    </message>
    <message>
        <source>Deleted the set %1; its members stay in the project</source>
        <translation>已删除集合 %1；其成员仍留在项目中</translation>
    </message>
</context>
<context>
    <name>SetsModel</name>
    <message>
        <source>Set</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>包含</translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n 位受访者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n 条回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n 条回答</numerusform>
        </translation>
    </message>
    <message>
        <source>an import, %1</source>
        <translation>导入，%1</translation>
    </message>
    <message>
        <source>a filter, %1</source>
        <translation>筛选，%1</translation>
    </message>
    <message>
        <source>a selection, %1</source>
        <translation>选择，%1</translation>
    </message>
    <message>
        <source>Made from %1</source>
        <translation>来源：%1</translation>
    </message>
</context>
<context>
    <name>SetsPanel</name>
    <message>
        <source>No sets yet. Every import makes one; in the response list, right-click to make a set from the selection or the current filter.</source>
        <translation>还没有集合。每次导入都会建立一个；在回答列表中右键单击，可用所选或当前筛选新建集合。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>List the set&apos;s responses in the response browser</source>
        <translation>在回答浏览器中列出该集合的回答</translation>
    </message>
    <message>
        <source>Use for post</source>
        <translation>用于文章</translation>
    </message>
    <message>
        <source>Make the set the population of the post open in the Draft tab</source>
        <translation>将该集合设为草稿标签页中打开的文章的统计范围</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the set; its members stay in the project</source>
        <translation>删除该集合；其成员仍留在项目中</translation>
    </message>
</context>
<context>
    <name>StatisticPage</name>
    <message>
        <source>The respondents coded with any checked code count</source>
        <translation>统计被任一勾选编码标注的受访者</translation>
    </message>
    <message>
        <source>Count the codes below them too</source>
        <translation>也统计其下级编码</translation>
    </message>
    <message>
        <source>Count everyone in the post&apos;s population, or only those with an attribute value</source>
        <translation>统计文章统计范围内的所有人，或只统计具有某个属性值的人</translation>
    </message>
    <message>
        <source>Fields: {percent}, {count}, {total}</source>
        <translation>字段：{percent}、{count}、{total}</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Among</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Edit statistic</source>
        <translation>编辑统计</translation>
    </message>
</context>
<context>
    <name>TeamControls</name>
    <message>
        <source>Open &amp;Team Project…</source>
        <translation>打开团队项目(&amp;T)…</translation>
    </message>
    <message>
        <source>Also working: %1</source>
        <translation>同时在工作的：%1</translation>
    </message>
    <message>
        <source>Nobody else is working</source>
        <translation>没有其他人在工作</translation>
    </message>
    <message>
        <source>live updates off: %1</source>
        <translation>实时更新已关闭：%1</translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>speaker turns</source>
        <translation>按发言人分段</translation>
    </message>
    <message>
        <source>paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>guessed: %1% of their turns ask questions</source>
        <translation>推测：其 %1% 的话轮在提问</translation>
    </message>
    <message>
        <source>labelled as the interviewer</source>
        <translation>标注为访谈者</translation>
    </message>
    <message>
        <source>one speaker only</source>
        <translation>只有一位发言人</translation>
    </message>
    <message>
        <source>nobody asks questions</source>
        <translation>没有人提问</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n turn(s), %2 to %3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：%n 个话轮，%2 至 %3。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n turn(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：%n 个话轮。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the interviewer: their turns stay beside the others&apos; words as context, never quoted or counted as an interviewee&apos;s. Every other speaker becomes a respondent, &lt;i&gt;Interviewee N&lt;/i&gt;; names are kept private.</source>
        <translation>请勾选访谈者：其话轮作为语境留在他人话语旁，不会被引用，也不会算作受访者的话。其余每位发言人都成为一位受访者（&lt;i&gt;Interviewee N&lt;/i&gt;）；姓名保密。</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>话轮</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>访谈者</translation>
    </message>
    <message>
        <source>Ticked: %1.</source>
        <translation>已勾选：%1。</translation>
    </message>
    <message>
        <source>Ticked by you.</source>
        <translation>由你勾选。</translation>
    </message>
    <message>
        <source>Someone must be left to answer: untick a speaker.</source>
        <translation>至少要留一人作答：请取消勾选一位发言人。</translation>
    </message>
</context>
<context>
    <name>TransferWords</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import %1 and %2 more</source>
        <translation>导入 %1 及另外 %2 个文件</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：完成</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n segment row(s)</source>
        <translation>
            <numerusform>已写入 %1：%n 行片段</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to REFI-QDA</source>
        <translation>导出到 REFI-QDA</translation>
    </message>
    <message>
        <source>Export the project to %1? Respondents appear by their labels.</source>
        <translation>把项目导出到 %1 吗？受访者以化名出现。</translation>
    </message>
    <message>
        <source>Include private identity (names, contacts) as case variables</source>
        <translation>把私密身份信息（姓名、联系方式）作为个案变量一并导出</translation>
    </message>
    <message>
        <source>Export consent register (holds private identity)</source>
        <translation>导出知情同意登记表（含私密身份信息）</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n respondent(s). It holds private identity: keep it within the research team</source>
        <translation>
            <numerusform>已写入 %1：%n 位受访者。其中含有私密身份信息：只能在研究团队内部使用</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a post in the Draft panel first</source>
        <translation>请先在草稿面板中选择一篇文章</translation>
    </message>
    <message>
        <source>Export post</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <source>Export the post to %1?</source>
        <translation>把文章导出到 %1 吗？</translation>
    </message>
    <message>
        <source>Attach a Word comment to each quote saying where it comes from</source>
        <translation>在每条引文上附一条 Word 批注，说明其出处</translation>
    </message>
    <message>
        <source>For reviewers: respondent label, response, codes and consent; never identity</source>
        <translation>供审阅者参考：受访者化名、回答、编码和知情同意；绝不含身份信息</translation>
    </message>
    <message>
        <source>%1: export a post to .docx, .md or .html</source>
        <translation>%1：文章只能导出为 .docx、.md 或 .html</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1; %n quote(s) replaced with placeholders</source>
        <translation>
            <numerusform>已写入 %1；%n 条引文换成了占位文字</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) are blocked by the consent gate, so %1 was not written.</source>
        <translation>
            <numerusform>%n 条引文未通过知情同意检查，所以没有写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace with placeholders</source>
        <translation>换成占位文字</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) changed since the post was last exported or its figures accepted, so %1 was not written.</source>
        <translation>
            <numerusform>自上次导出文章或接受数值以来，有 %n 个数值发生了变化，所以没有写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the new figures</source>
        <translation>导出新的数值</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed</source>
        <translation>已取消；没有任何更改</translation>
    </message>
    <message>
        <source>Surveys and transcripts</source>
        <translation>问卷和转录稿</translation>
    </message>
    <message>
        <source>REFI-QDA projects and codebooks</source>
        <translation>REFI-QDA 项目和编码本</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>REFI-QDA project</source>
        <translation>REFI-QDA 项目</translation>
    </message>
    <message>
        <source>REFI-QDA codebook</source>
        <translation>REFI-QDA 编码本</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
</context>
<context>
    <name>TranslationPane</name>
    <message>
        <source>Translation:</source>
        <translation>译文：</translation>
    </message>
    <message>
        <source>This response has no translation.</source>
        <translation>这条回答没有译文。</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>译者：%1</translation>
    </message>
</context>
<context>
    <name>TurnGutter</name>
    <message>
        <source>The respondent&apos;s words. Click to select the turn.</source>
        <translation>受访者的话语。点击可选中这个话轮。</translation>
    </message>
    <message>
        <source>The interviewer: context, never quoted or counted as the respondent&apos;s.</source>
        <translation>访谈者：只是语境，不会被引用，也不会算作受访者的话。</translation>
    </message>
    <message>
        <source>Another interviewee: their words count in their own response, not here.</source>
        <translation>另一位受访者：其话语计入其自己的回答，不计入这里。</translation>
    </message>
    <message>
        <source>A transcriber&apos;s note: nobody&apos;s words.</source>
        <translation>转录者的备注：不是任何人的话语。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Interviewer %1</source>
        <translation>访谈者 %1</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>访谈者</translation>
    </message>
</context>
<context>
    <name>TurnListModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1&apos;s words</source>
        <translation>%1 的话语</translation>
    </message>
    <message>
        <source>%1: context, not the respondent&apos;s words (never quoted as theirs)</source>
        <translation>%1：语境，不是受访者的话语（不会作为其话语被引用）</translation>
    </message>
</context>
<context>
    <name>TurnOutline</name>
    <message>
        <source>Turns</source>
        <translation>话轮</translation>
    </message>
    <message>
        <source>The transcript&apos;s turns, with their times, beside it</source>
        <translation>在旁边列出转录稿的话轮及其时间</translation>
    </message>
    <message>
        <source>Go to time…</source>
        <translation>转到时间…</translation>
    </message>
    <message>
        <source>Go to time, e.g. 1:02:03</source>
        <translation>转到时间，例如 1:02:03</translation>
    </message>
    <message>
        <source>“%1” is not a time: write m:ss or h:mm:ss</source>
        <translation>“%1”不是时间：请写成 m:ss 或 h:mm:ss</translation>
    </message>
    <message>
        <source>This transcript has no times</source>
        <translation>这份转录稿没有时间</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Code what people said, keep track of who may be quoted and how, and write it up.</source>
        <translation>为人们说过的话编码，记录谁可以被引用、以何种方式引用，然后写成文章。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Open the sample project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <source>Recent projects:</source>
        <translation>最近的项目：</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Coded Segments</source>
        <translation>编码片段</translation>
    </message>
    <message>
        <source>&amp;Retrieve Coded Segments</source>
        <translation>检索编码片段(&amp;R)</translation>
    </message>
    <message>
        <source>Every segment of the chosen codes with its context, over the browser&apos;s filter</source>
        <translation>所选编码的每个片段及其上下文，范围为浏览器的筛选</translation>
    </message>
    <message>
        <source>&amp;Search and Code…</source>
        <translation>搜索并编码(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>_Runner</name>
    <message>
        <source>unexpected error: %1: %2</source>
        <translation>意外错误：%1：%2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
