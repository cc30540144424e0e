<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</TS>
