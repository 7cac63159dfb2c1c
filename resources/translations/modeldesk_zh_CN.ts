<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>试用场</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Loading the training engine…</source>
        <translation>正在加载训练引擎…</translation>
    </message>
    <message>
        <source>Stop the training before copying another run's settings.</source>
        <translation>请先停止训练，再复制另一次运行的设置。</translation>
    </message>
    <message>
        <source>The settings of that run are on the Model page ({model} on {dataset}); press Start on the Train page to train again.</source>
        <translation>那次运行的设置已放到“模型”页（{model}，数据集 {dataset}）；在“训练”页按“开始”即可再次训练。</translation>
    </message>
    <message>
        <source>Device: {device}</source>
        <translation>设备：{device}</translation>
    </message>
    <message>
        <source>Training engine unavailable</source>
        <translation>训练引擎不可用</translation>
    </message>
    <message>
        <source>The training engine could not be loaded, so training is unavailable.</source>
        <translation>无法加载训练引擎，因此不能训练。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open image &amp;folder…</source>
        <translation>打开图片文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open ONNX &amp;model…</source>
        <translation>打开 ONNX 模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Open &amp;pictures in the Playground…</source>
        <translation>在试用场中打开图片(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export model to ONNX…</source>
        <translation>导出模型为 ONNX(&amp;E)…</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>偏好设置(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>Show &amp;log file</source>
        <translation>显示日志文件(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About ModelDesk</source>
        <translation>关于 ModelDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Train, watch, export and run neural networks without writing code.</source>
        <translation>无需编写代码，即可训练、观察、导出和运行神经网络。</translation>
    </message>
    <message>
        <source>About ModelDesk</source>
        <translation>关于 ModelDesk</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Training is still running. Stop it and close? The last finished epoch is kept and can be resumed later.</source>
        <translation>训练仍在进行。要停止并关闭吗？最后完成的轮次会保留，之后可以继续训练。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Light or dark windows. "Same as the system" follows your computer's setting, also when you change it while ModelDesk is open.</source>
        <translation>浅色或深色窗口。“跟随系统”使用电脑的设置，ModelDesk 打开时更改也会跟随。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>The language of the window. "Same as the system" follows your computer's language. The new language shows when ModelDesk starts next.</source>
        <translation>窗口的语言。“跟随系统”使用电脑的语言。新的语言在下次启动 ModelDesk 时生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Changes apply at once and are remembered.</source>
        <translation>更改会立即生效并被记住。</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
</TS>