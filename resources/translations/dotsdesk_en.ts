<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementTab</name>
    <message numerus="yes">
        <source>%n response(s) both coded</source>
        <translation>
            <numerusform>%n response both coded</numerusform>
            <numerusform>%n responses both coded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreeing stretch(es)</source>
        <translation>
            <numerusform>%n disagreeing stretch</numerusform>
            <numerusform>%n disagreeing stretches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln response</numerusform>
            <numerusform>%Ln responses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln respondent(s)</source>
        <translation>
            <numerusform>%Ln respondent</numerusform>
            <numerusform>%Ln respondents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CellSegmentList</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message numerus="yes">
        <source>Merged %1 into %2: %n segment(s) moved</source>
        <translation>
            <numerusform>Merged %1 into %2: %n segment moved</numerusform>
            <numerusform>Merged %1 into %2: %n segments moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already had %1</source>
        <translation>
            <numerusform>%n already had %1</numerusform>
            <numerusform>%n already had %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) coded only with them are deleted</source>
        <translation>
            <numerusform>%n segment coded only with them are deleted</numerusform>
            <numerusform>%n segments coded only with them are deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) keep their other codes</source>
        <translation>
            <numerusform>%n segment keep their other codes</numerusform>
            <numerusform>%n segments keep their other codes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodingHeader</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s), %1 by %2;</source>
        <translation>
            <numerusform>%n turn, %1 by %2;</numerusform>
            <numerusform>%n turns, %1 by %2;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>%1 — %n disagreement(s)</source>
        <translation>
            <numerusform>%1 — %n disagreement</numerusform>
            <numerusform>%1 — %n disagreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentTracker</name>
    <message numerus="yes">
        <source>Copied %n respondent(s) still to ask, with their private names and contacts, to the clipboard</source>
        <translation>
            <numerusform>Copied %n respondent still to ask, with their private names and contacts, to the clipboard</numerusform>
            <numerusform>Copied %n respondents still to ask, with their private names and contacts, to the clipboard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsBar</name>
    <message numerus="yes">
        <source>%1, asked %n day(s) ago</source>
        <translation>
            <numerusform>%1, asked %n day ago</numerusform>
            <numerusform>%1, asked %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsBox</name>
    <message numerus="yes">
        <source>%1 No.%2: %3 (%n quote(s))</source>
        <translation>
            <numerusform>%1 No.%2: %3 (%n quote)</numerusform>
            <numerusform>%1 No.%2: %3 (%n quotes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n quote(s))</source>
        <translation>
            <numerusform>%1 (%n quote)</numerusform>
            <numerusform>%1 (%n quotes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterMenu</name>
    <message numerus="yes">
        <source>%n rarer value(s) not listed</source>
        <translation>
            <numerusform>%n rarer value not listed</numerusform>
            <numerusform>%n rarer values not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new respondent(s)</source>
        <translation>
            <numerusform>%n new respondent</numerusform>
            <numerusform>%n new respondents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n new respondent(s)</source>
        <translation>
            <numerusform>%n new respondent</numerusform>
            <numerusform>%n new respondents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new response(s)</source>
        <translation>
            <numerusform>%n new response</numerusform>
            <numerusform>%n new responses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln respondent(s)</source>
        <translation>
            <numerusform>%Ln respondent</numerusform>
            <numerusform>%Ln respondents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln response</numerusform>
            <numerusform>%Ln responses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln code(s)</source>
        <translation>
            <numerusform>%Ln code</numerusform>
            <numerusform>%Ln codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform>
            <numerusform>%Ln segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) were not quoted because of consent:</source>
        <translation>
            <numerusform>%n segment was not quoted because of consent:</numerusform>
            <numerusform>%n segments were not quoted because of consent:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeWords</name>
    <message numerus="yes">
        <source>Merged %1: %n segment(s) added.</source>
        <translation>
            <numerusform>Merged %1: %n segment added.</numerusform>
            <numerusform>Merged %1: %n segments added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewSetDialog</name>
    <message numerus="yes">
        <source>Respondents: %n person(s), with all their answers</source>
        <translation>
            <numerusform>Respondents: %n person, with all their answers</numerusform>
            <numerusform>Respondents: %n people, with all their answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Responses: just these %n answer(s)</source>
        <translation>
            <numerusform>Responses: just this answer</numerusform>
            <numerusform>Responses: just these %n answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message numerus="yes">
        <source>%n bullet(s) from attributes</source>
        <translation>
            <numerusform>%n bullet from attributes</numerusform>
            <numerusform>%n bullets from attributes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PopulationBar</name>
    <message numerus="yes">
        <source>Accepted %n figure(s) as they are now</source>
        <translation>
            <numerusform>Accepted %n figure as they are now</numerusform>
            <numerusform>Accepted %n figures as they are now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message numerus="yes">
        <source>%1 (%n respondent(s))</source>
        <translation>
            <numerusform>%1 (%n respondent)</numerusform>
            <numerusform>%1 (%n respondents)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewWords</name>
    <message numerus="yes">
        <source>%n issue(s): %1; and %2 more</source>
        <translation>
            <numerusform>%n issue: %1; and %2 more</numerusform>
            <numerusform>%n issues: %1; and %2 more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s): %1</source>
        <translation>
            <numerusform>%n issue: %1</numerusform>
            <numerusform>%n issues: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuoteFinder</name>
    <message numerus="yes">
        <source>%n+ coded segment(s)</source>
        <translation>
            <numerusform>%n+ coded segment</numerusform>
            <numerusform>%n+ coded segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coded segment(s)</source>
        <translation>
            <numerusform>%n coded segment</numerusform>
            <numerusform>%n coded segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResponseBrowser</name>
    <message numerus="yes">
        <source>%Ln response(s) (+%1 kept)</source>
        <translation>
            <numerusform>%Ln response (+%1 kept)</numerusform>
            <numerusform>%Ln responses (+%1 kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln response</numerusform>
            <numerusform>%Ln responses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetrievePanel</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n segment(s)</source>
        <translation>
            <numerusform>Copied %n segment</numerusform>
            <numerusform>Copied %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchCodeDialog</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n response</numerusform>
            <numerusform>%n responses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in the interviewer&apos;s or others&apos; turns skipped</source>
        <translation>
            <numerusform>%n hit in the interviewer&apos;s or others&apos; turns skipped</numerusform>
            <numerusform>%n hits in the interviewer&apos;s or others&apos; turns skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) made</source>
        <translation>
            <numerusform>%n segment made</numerusform>
            <numerusform>%n segments made</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentPane</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetsModel</name>
    <message numerus="yes">
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n response</numerusform>
            <numerusform>%n responses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n turn(s), %2 to %3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n turn, %2 to %3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n turns, %2 to %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n turn(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n turn.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n turns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransferWords</name>
    <message numerus="yes">
        <source>Wrote %1: %n segment row(s)</source>
        <translation>
            <numerusform>Wrote %1: %n segment row</numerusform>
            <numerusform>Wrote %1: %n segment rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n respondent(s). It holds private identity: keep it within the research team</source>
        <translation>
            <numerusform>Wrote %1: %n respondent. It holds private identity: keep it within the research team</numerusform>
            <numerusform>Wrote %1: %n respondents. It holds private identity: keep it within the research team</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1; %n quote(s) replaced with placeholders</source>
        <translation>
            <numerusform>Wrote %1; %n quote replaced with placeholders</numerusform>
            <numerusform>Wrote %1; %n quotes replaced with placeholders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) are blocked by the consent gate, so %1 was not written.</source>
        <translation>
            <numerusform>%n quote is blocked by the consent gate, so %1 was not written.</numerusform>
            <numerusform>%n quotes are blocked by the consent gate, so %1 was not written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) changed since the post was last exported or its figures accepted, so %1 was not written.</source>
        <translation>
            <numerusform>%n figure changed since the post was last exported or its figures accepted, so %1 was not written.</numerusform>
            <numerusform>%n figures changed since the post was last exported or its figures accepted, so %1 was not written.</numerusform>
        </translation>
    </message>
</context>
</TS>
