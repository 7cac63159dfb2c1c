<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataPage</name>
    <message>
        <source>Handwritten digits (bundled)</source>
        <translation>手写数字（内置）</translation>
    </message>
    <message>
        <source>MNIST handwritten digits</source>
        <translation>MNIST 手写数字</translation>
    </message>
    <message>
        <source>Fashion-MNIST clothing</source>
        <translation>Fashion-MNIST 服饰</translation>
    </message>
    <message>
        <source>CIFAR-10 small photos</source>
        <translation>CIFAR-10 小照片</translation>
    </message>
    <message>
        <source>Numbers in words (bundled)</source>
        <translation>数字拼写（内置）</translation>
    </message>
    <message>
        <source>Your own sentence pairs</source>
        <translation>自己的句子对</translation>
    </message>
    <message>
        <source>Aesop's Fables (bundled)</source>
        <translation>伊索寓言（内置）</translation>
    </message>
    <message>
        <source>Your own text</source>
        <translation>自己的文本</translation>
    </message>
    <message>
        <source>Your own images…</source>
        <translation>自己的图片…</translation>
    </message>
    <message>
        <source>Your own sentence pairs…</source>
        <translation>自己的句子对…</translation>
    </message>
    <message>
        <source>Your own text…</source>
        <translation>自己的文本…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of pictures per class (cats, dogs, …), optionally split into train and test. You can also drop a folder onto the window.</source>
        <translation>一个文件夹，里面每个类别一个图片子文件夹（如猫、狗…），还可以再分成训练和测试两部分。也可以把文件夹直接拖到窗口上。</translation>
    </message>
    <message>
        <source>Numbers written out in words ('forty-two' → 'quarante-deux'). Bundled and offline; a translator learns them in a minute or two.</source>
        <translation>用单词拼写出来的数字（如英文的“四十二”→ 法文的“四十二”）。内置，无需联网；翻译模型一两分钟就能学会。</translation>
    </message>
    <message>
        <source>A TSV or Anki file: a sentence, a tab and its translation on each line (like the Tatoeba downloads). Or two files with one sentence a line.</source>
        <translation>TSV 或 Anki 文件：每行是一句话、一个制表符和它的译文（和从 Tatoeba 下载的文件一样）。也可以用两个每行一句的文件。</translation>
    </message>
    <message>
        <source>About 100 short fables in old-fashioned English, bundled and offline; a model learns to write fable-like sentences in about a minute.</source>
        <translation>约 100 篇用古朴英文写成的短篇寓言，内置，无需联网；模型约一分钟就能学会写出寓言风格的句子。</translation>
    </message>
    <message>
        <source>Any text saved as UTF-8 (.txt): a book, poems, recipes, song lyrics. The model learns to write in its style; a few hundred KB works best. You can also drop a .txt file onto the window.</source>
        <translation>任何以 UTF-8 保存的文本（.txt）：一本书、诗歌、菜谱、歌词都可以。模型会学着用它的风格写作；几百 KB 效果最好。也可以把 .txt 文件直接拖到窗口上。</translation>
    </message>
    <message>
        <source>1,797 small handwritten digits (8x8 pixels), bundled: trains in seconds, works offline.</source>
        <translation>1,797 个小尺寸手写数字（8x8 像素），内置：几秒钟就能训练完，无需联网。</translation>
    </message>
    <message>
        <source>70,000 handwritten digits (28x28 pixels, 10 classes), downloaded once (about 11 MB).</source>
        <translation>70,000 个手写数字（28x28 像素，10 个类别），只需下载一次（约 11 MB）。</translation>
    </message>
    <message>
        <source>70,000 small photos of clothing in 10 kinds (28x28 pixels), downloaded once (about 30 MB).</source>
        <translation>70,000 张服饰小照片，共 10 种（28x28 像素），只需下载一次（约 30 MB）。</translation>
    </message>
    <message>
        <source>60,000 small colour photos in 10 classes such as cats, ships and trucks (32x32 pixels), downloaded once (about 170 MB).</source>
        <translation>60,000 张彩色小照片，分为猫、船、卡车等 10 个类别（32x32 像素），只需下载一次（约 170 MB）。</translation>
    </message>
    <message>
        <source>Your own pictures: a folder with one sub-folder per class (cats/, dogs/, ...), optionally split into train/ and test/.</source>
        <translation>自己的图片：一个文件夹，每个类别一个子文件夹（如猫、狗…），还可以再分成训练和测试两个子文件夹。</translation>
    </message>
    <message>
        <source>Numbers written out in words, English to French, German or Spanish (numbers:en-fr): bundled, trains a translator in a minute, works offline.</source>
        <translation>用单词拼写出来的数字，从英语译成法语、德语或西班牙语（numbers:en-fr）：内置，一分钟就能训练出翻译模型，无需联网。</translation>
    </message>
    <message>
        <source>Your own sentence pairs for translation: a text file with a sentence, a tab and its translation on each line (like the Tatoeba/Anki downloads), or two files with one sentence a line (tsv:train.en|train.fr).</source>
        <translation>用于翻译的自己的句子对：一个文本文件，每行是一句话、一个制表符和它的译文（和从 Tatoeba/Anki 下载的文件一样）；或两个每行一句的文件。</translation>
    </message>
    <message>
        <source>Aesop's Fables (G. F. Townsend's 1867 translation, public domain), about 60 KB of English prose, bundled: trains a text generator in half a minute, works offline.</source>
        <translation>伊索寓言（G. F. Townsend 1867 年的英译本，公有领域），约 60 KB 英文散文，内置：半分钟就能训练出文本生成模型，无需联网。</translation>
    </message>
    <message>
        <source>Your own text for a text generator: any UTF-8 text file (text:PATH), such as a book from Project Gutenberg; a few hundred KB in one style works best.</source>
        <translation>供文本生成使用的自己的文本：任何 UTF-8 文本文件，比如古登堡计划上的一本书；几百 KB、风格统一的文本效果最好。</translation>
    </message>
    <message>
        <source>Image classification</source>
        <translation>图像分类</translation>
    </message>
    <message>
        <source>Image generation (GAN)</source>
        <translation>图像生成（GAN）</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Text generation</source>
        <translation>文本生成</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.text);;All files (*)</source>
        <translation>文本文件 (*.txt *.md *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Sentence pairs (*.txt *.tsv *.tab *.csv);;All files (*)</source>
        <translation>句子对文件 (*.txt *.tsv *.tab *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>没有数据集</translation>
    </message>
    <message>
        <source>Your images: {name}</source>
        <translation>自己的图片：{name}</translation>
    </message>
    <message>
        <source>Numbers in words: {direction}</source>
        <translation>数字拼写：{direction}</translation>
    </message>
    <message>
        <source>Your sentence pairs: {names}</source>
        <translation>自己的句子对：{names}</translation>
    </message>
    <message>
        <source>Your text: {name}</source>
        <translation>自己的文本：{name}</translation>
    </message>
    <message>
        <source>{count} image</source>
        <translation>{count} 张图片</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 张图片</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>{count} class</source>
        <translation>{count} 个类别</translation>
    </message>
    <message>
        <source>{count} classes</source>
        <translation>{count} 个类别</translation>
    </message>
    <message>
        <source>{classes}, {width}x{height} pixels, {colour}.</source>
        <translation>{classes}，{width}x{height} 像素，{colour}。</translation>
    </message>
    <message>
        <source>{images}, {shape} The generator learns to draw from all of them.</source>
        <translation>{images}，{shape}生成器会从全部图片中学习作画。</translation>
    </message>
    <message>
        <source>{images}, {shape} No test split: {share} of the images are held out for validation.</source>
        <translation>{images}，{shape}没有测试集：留出 {share} 的图片用于验证。</translation>
    </message>
    <message>
        <source>{count} test image</source>
        <translation>{count} 张测试图片</translation>
    </message>
    <message>
        <source>{count} test images</source>
        <translation>{count} 张测试图片</translation>
    </message>
    <message>
        <source>{train} training and {test}, {shape} The test images measure how well the model does on pictures it has not seen.</source>
        <translation>{train} 张训练图片和 {test}，{shape}测试图片用来衡量模型在没见过的图片上表现如何。</translation>
    </message>
    <message>
        <source>{count} file could not be read and was skipped.</source>
        <translation>有 {count} 个文件无法读取，已跳过。</translation>
    </message>
    <message>
        <source>{count} files could not be read and were skipped.</source>
        <translation>有 {count} 个文件无法读取，已跳过。</translation>
    </message>
    <message>
        <source>The class '{name}' has no images; the model will struggle to learn it.</source>
        <translation>类别“{name}”没有图片，模型很难学会它。</translation>
    </message>
    <message>
        <source>The class '{name}' has only {count} image; the model will struggle to learn it.</source>
        <translation>类别“{name}”只有 {count} 张图片，模型很难学会它。</translation>
    </message>
    <message>
        <source>The class '{name}' has only {count} images; the model will struggle to learn it.</source>
        <translation>类别“{name}”只有 {count} 张图片，模型很难学会它。</translation>
    </message>
    <message>
        <source>{count} more class has fewer than {minimum} images; the model will struggle to learn it.</source>
        <translation>另有 {count} 个类别的图片少于 {minimum} 张，模型很难学会它。</translation>
    </message>
    <message>
        <source>{count} more classes have fewer than {minimum} images; the model will struggle to learn them.</source>
        <translation>另有 {count} 个类别的图片少于 {minimum} 张，模型很难学会它们。</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Data&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;数据&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>What the model should learn to do.
Image classification: tell which class a picture shows.
Image generation (GAN): draw new pictures that look like the dataset's.
Translation: turn sentences in one language into another.
Text generation: learn to write text in the style of a text you give it.</source>
        <translation>模型要学会做什么。
图像分类：判断一张图片属于哪个类别。
图像生成（GAN）：画出与数据集里的图片相像的新图片。
翻译：把一种语言的句子译成另一种语言。
文本生成：学着模仿你给的文本的风格来写作。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Pick a folder with one sub-folder of pictures per class. You can also drop a folder onto the window.</source>
        <translation>选择一个文件夹，里面每个类别一个图片子文件夹。也可以把文件夹直接拖到窗口上。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading; the dataset you had stays selected. A partly downloaded file is kept and resumed next time.</source>
        <translation>停止加载；原来的数据集仍保持选中。下载了一部分的文件会保留，下次接着下载。</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Training images per class</source>
        <translation>每个类别的训练图片数</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图片数</translation>
    </message>
    <message>
        <source>Stop the training before choosing another dataset.</source>
        <translation>请先停止训练，再选择其他数据集。</translation>
    </message>
    <message>
        <source>Loading {dataset}…</source>
        <translation>正在加载“{dataset}”…</translation>
    </message>
    <message>
        <source>Choose a folder with one sub-folder of pictures per class</source>
        <translation>选择文件夹（每个类别一个图片子文件夹）</translation>
    </message>
    <message>
        <source>Choose a file with a sentence and its translation on each line</source>
        <translation>选择文件（每行一句话及其译文）</translation>
    </message>
    <message>
        <source>Choose a text file (saved as UTF-8) to learn to write like</source>
        <translation>选择一个文本文件（以 UTF-8 保存），让模型学习它的写法</translation>
    </message>
    <message>
        <source>Step 1 of 2: choose the file with the sentences to translate (one a line)</source>
        <translation>第 1 步（共 2 步）：选择要翻译的句子所在的文件（每行一句）</translation>
    </message>
    <message>
        <source>Step 2 of 2: choose the file with their translations, in the same order</source>
        <translation>第 2 步（共 2 步）：选择对应译文所在的文件（顺序相同）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>文件夹：{path}</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <source>Loaded {dataset}: {summary}</source>
        <translation>已加载“{dataset}”：{summary}</translation>
    </message>
    <message>
        <source>Could not load the dataset</source>
        <translation>无法加载数据集</translation>
    </message>
    <message>
        <source>Loading cancelled; {dataset} is still selected.</source>
        <translation>已取消加载；仍选中“{dataset}”。</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No dataset yet&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;还没有数据集&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Choose a dataset on the left to see what is in it.</source>
        <translation>在左侧选择一个数据集，即可查看其中的内容。</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>瑞典语</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>丹麦语</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>挪威语</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>芬兰语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>捷克语</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>罗马尼亚语</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>匈牙利语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>波斯语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印尼语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>sentence → translation</source>
        <translation>原句 → 译文</translation>
    </message>
    <message>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <source>{count} sentence pair, {direction}: </source>
        <translation>{count} 个句子对，{direction}：</translation>
    </message>
    <message>
        <source>{count} sentence pairs, {direction}: </source>
        <translation>{count} 个句子对，{direction}：</translation>
    </message>
    <message>
        <source>{count} sentence pair: </source>
        <translation>{count} 个句子对：</translation>
    </message>
    <message>
        <source>{count} sentence pairs: </source>
        <translation>{count} 个句子对：</translation>
    </message>
    <message>
        <source>{count} set aside at random for checking during training</source>
        <translation>{count} 个随机留出，在训练中用于验证</translation>
    </message>
    <message>
        <source>{count} for checking during training</source>
        <translation>{count} 个在训练中用于验证</translation>
    </message>
    <message>
        <source>{count} for training</source>
        <translation>{count} 个用于训练</translation>
    </message>
    <message>
        <source>{count} held out for the final test</source>
        <translation>{count} 个留作最终测试</translation>
    </message>
    <message>
        <source>{head}{parts}.</source>
        <translation>{head}{parts}。</translation>
    </message>
    <message>
        <source> There is no separate test set, so the final score is the one from checking.</source>
        <translation>没有单独的测试集，所以最终得分就是验证得分。</translation>
    </message>
    <message>
        <source>{count} line could not be read as a sentence and its translation and was skipped.</source>
        <translation>有 {count} 行无法读成“句子 + 译文”，已跳过。</translation>
    </message>
    <message>
        <source>{count} lines could not be read as a sentence and its translation and were skipped.</source>
        <translation>有 {count} 行无法读成“句子 + 译文”，已跳过。</translation>
    </message>
    <message>
        <source>Only {count} sentence pair: a translator needs at least {minimum} to start, and thousands to learn well.</source>
        <translation>只有 {count} 个句子对：翻译模型至少需要 {minimum} 个才能开始训练，要学好则需要几千个。</translation>
    </message>
    <message>
        <source>Only {count} sentence pairs: a translator needs at least {minimum} to start, and thousands to learn well.</source>
        <translation>只有 {count} 个句子对：翻译模型至少需要 {minimum} 个才能开始训练，要学好则需要几千个。</translation>
    </message>
    <message>
        <source>Only {count} sentence pairs: the translator will learn little from so few; thousands of pairs work much better.</source>
        <translation>只有 {count} 个句子对：这么少的句子对，翻译模型学不到多少；有几千个句子对效果会好得多。</translation>
    </message>
    <message>
        <source>{characters} characters ({distinct} different), {words} words on {lines} lines. The model learns to guess each next character from the ones before; the last part of the text is held out to measure how well it guesses text it has not read.</source>
        <translation>{characters} 个字符（{distinct} 种不同字符），{words} 个词，共 {lines} 行。模型会学着根据前面的字符猜出下一个字符；文本的最后一部分会留出来，用来衡量它猜没读过的文本猜得有多准。</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Files: {names}</source>
        <translation>文件：{names}</translation>
    </message>
</context>
<context>
    <name>LengthChart</name>
    <message>
        <source>sentences</source>
        <translation>句子数</translation>
    </message>
    <message>
        <source>words per sentence</source>
        <translation>每句词数</translation>
    </message>
</context>
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
    <name>ModelPage</name>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>takes a while on a laptop CPU</source>
        <translation>在笔记本电脑的 CPU 上需要一段时间</translation>
    </message>
    <message>
        <source>slow on a laptop CPU; fine on a GPU</source>
        <translation>在笔记本电脑的 CPU 上较慢；在 GPU 上没问题</translation>
    </message>
    <message>
        <source>A plain network of fully connected layers: the simplest baseline.</source>
        <translation>由全连接层组成的普通网络：最简单的基准模型。</translation>
    </message>
    <message>
        <source>LeNet-5 (LeCun, 1998): two small convolution layers, made for handwritten digits.</source>
        <translation>LeNet-5（LeCun，1998 年）：两个小卷积层，专为手写数字设计。</translation>
    </message>
    <message>
        <source>Three convolution layers (32-64-64) and a dense layer: the classic tutorial network, a good default.</source>
        <translation>三个卷积层（32-64-64）加一个全连接层：经典的教程网络，默认的好选择。</translation>
    </message>
    <message>
        <source>ResNet-18 adapted to small images (no pretrained weights): the most accurate on photos, much slower on a CPU.</source>
        <translation>针对小图片调整过的 ResNet-18（不含预训练权重）：在照片上最准确，但在 CPU 上慢得多。</translation>
    </message>
    <message>
        <source>Deep convolutional GAN (Radford et al., 2015): learns to draw new pictures like the dataset's.</source>
        <translation>深度卷积 GAN（Radford 等人，2015 年）：学习画出与数据集相似的新图片。</translation>
    </message>
    <message>
        <source>DCGAN that also learns the classes, so you can ask it for a particular one ("draw a 7").</source>
        <translation>同时学习各个类别的 DCGAN，因此你可以让它画指定的类别（比如“画一个 7”）。</translation>
    </message>
    <message>
        <source>Transformer sized for a laptop CPU: learns the numbers in a minute or two.</source>
        <translation>按笔记本电脑 CPU 定制大小的 Transformer：一两分钟就能学会数字。</translation>
    </message>
    <message>
        <source>A bigger Transformer for real sentence corpora; best with a GPU.</source>
        <translation>更大的 Transformer，适合真实的句子语料；最好使用 GPU。</translation>
    </message>
    <message>
        <source>The original paper's base size (6+6 layers, 512 wide): for a GPU.</source>
        <translation>原论文的基础规模（6+6 层，宽度 512）：适合 GPU。</translation>
    </message>
    <message>
        <source>A recurrent network with attention: lighter and quick to train, a little less accurate.</source>
        <translation>带注意力机制的循环网络：更轻巧，训练快，准确度稍低。</translation>
    </message>
    <message>
        <source>A one-layer LSTM reading characters: learns the fables in half a minute on a laptop CPU.</source>
        <translation>逐字符阅读的单层 LSTM：在笔记本电脑 CPU 上半分钟就能学会寓言。</translation>
    </message>
    <message>
        <source>A two-layer LSTM, wider: writes better on a few MB of text; best with a GPU.</source>
        <translation>更宽的双层 LSTM：在几 MB 的文本上写得更好；最好使用 GPU。</translation>
    </message>
    <message>
        <source>AdamW (recommended)</source>
        <translation>AdamW（推荐）</translation>
    </message>
    <message>
        <source>SGD with momentum (classic, needs a larger learning rate)</source>
        <translation>带动量的 SGD（经典方法，需要较大的学习率）</translation>
    </message>
    <message>
        <source>None: use the pictures as they are</source>
        <translation>无：按原样使用图片</translation>
    </message>
    <message>
        <source>Shift pictures a little</source>
        <translation>稍微平移图片</translation>
    </message>
    <message>
        <source>Shift and mirror pictures</source>
        <translation>平移并镜像翻转图片</translation>
    </message>
    <message>
        <source>Word pieces learned from your sentences (recommended)</source>
        <translation>从你的句子中学到的词片（推荐）</translation>
    </message>
    <message>
        <source>Single characters</source>
        <translation>单个字符</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>shift pictures a little</source>
        <translation>稍微平移图片</translation>
    </message>
    <message>
        <source>shift and mirror pictures</source>
        <translation>平移并镜像翻转图片</translation>
    </message>
    <message>
        <source>word pieces learned from your sentences</source>
        <translation>从你的句子中学到的词片</translation>
    </message>
    <message>
        <source>single characters</source>
        <translation>单个字符</translation>
    </message>
    <message>
        <source>Automatic (best available)</source>
        <translation>自动（选用最好的设备）</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found: training uses the CPU.</source>
        <translation>未找到 NVIDIA GPU：训练将使用 CPU。</translation>
    </message>
    <message>
        <source>How many times training goes through all the training pictures.
More epochs usually give a better model but take longer. If the validation accuracy stops improving during training, more epochs will not help.</source>
        <translation>训练把所有训练图片完整过一遍的次数。
轮次越多，模型通常越好，但耗时也越长。如果训练中验证准确率不再提高，再增加轮次也没有帮助。</translation>
    </message>
    <message>
        <source>How many pictures the model looks at before each small correction.
Larger batches are faster on a GPU but use more memory; if you see an out-of-memory message, halve this number. The recommended value is fine for most people.</source>
        <translation>模型每做一次小修正之前要看多少张图片。
批越大，在 GPU 上越快，但占用的内存也越多；如果看到内存不足的提示，请把这个数减半。推荐值适合大多数人。</translation>
    </message>
    <message>
        <source>How big each correction is (the learning rate).
Too high and training becomes unstable (the loss jumps or grows); too low and it learns slowly. Change it only if the loss curve misbehaves: try half or double.</source>
        <translation>每次修正的幅度（学习率）。
太高会让训练不稳定（损失忽高忽低或不断增大）；太低则学得很慢。只有当损失曲线异常时才需要修改：试试减半或加倍。</translation>
    </message>
    <message>
        <source>The method that turns mistakes into corrections.
AdamW works well almost everywhere; keep it unless you are comparing methods.</source>
        <translation>把错误转化为修正的方法。
AdamW 几乎在任何情况下都表现良好；除非你在比较不同的方法，否则保留它即可。</translation>
    </message>
    <message>
        <source>Shows the model slightly changed copies of the training pictures so it learns the object rather than the exact pixels.
Helps with photos and small datasets. Do not mirror pictures whose meaning changes when flipped (digits, letters).</source>
        <translation>给模型看训练图片略作改动的副本，让它学会识别物体本身，而不是死记每个像素。
对照片和小数据集有帮助。翻转后含义会改变的图片（数字、字母）不要镜像。</translation>
    </message>
    <message>
        <source>Stops training early when the validation loss has not improved for this many epochs, and keeps the best model.
Saves time when you set many epochs. Off trains for all epochs.</source>
        <translation>当验证损失连续这么多个轮次都没有改善时，提前停止训练，并保留最好的模型。
设置了很多轮次时可以节省时间。选“关闭”则训练完所有轮次。</translation>
    </message>
    <message>
        <source>Where the computation runs. Automatic picks a working NVIDIA GPU when there is one, otherwise the CPU.
Choose CPU only to leave the GPU free for something else.</source>
        <translation>计算在哪里进行。“自动”会在有可用的 NVIDIA GPU 时选用它，否则使用 CPU。
只有想把 GPU 留给别的任务时才选择 CPU。</translation>
    </message>
    <message>
        <source>Computes with 16-bit numbers on the GPU: often almost twice as fast with the same accuracy.
Turn it off only if training on the GPU gives strange results.</source>
        <translation>在 GPU 上用 16 位数字计算：通常快将近一倍，准确度不变。
只有在 GPU 上训练的结果异常时才关闭它。</translation>
    </message>
    <message>
        <source>Put every setting back to the value recommended for this dataset and model.</source>
        <translation>把每项设置恢复为针对当前数据集和模型的推荐值。</translation>
    </message>
    <message>
        <source>How many times training goes through all the pictures.
Drawing takes much longer to learn than recognising: the sample pictures on the Train page show when they look good enough, and you can stop there. The best epoch so far is kept.</source>
        <translation>训练把所有图片完整过一遍的次数。
学画画比学识别要花长得多的时间：“训练”页上的示例图片会告诉你什么时候已经画得够好，你可以在那时停止。目前为止最好的轮次会被保留。</translation>
    </message>
    <message>
        <source>How many pictures the generator draws (and the judge looks at) before each small correction.
The recommended value is fine for most people; if you see an out-of-memory message, halve it.</source>
        <translation>每做一次小修正之前，生成器要画（评判器要看）多少张图片。
推荐值适合大多数人；如果看到内存不足的提示，请把它减半。</translation>
    </message>
    <message>
        <source>How big each correction is (the learning rate).
GANs are sensitive to it: if the pictures turn to noise or all look the same, try half. The recommended value works for most datasets.</source>
        <translation>每次修正的幅度（学习率）。
GAN 对它很敏感：如果图片变成噪点，或者看起来全都一样，试试减半。推荐值适用于大多数数据集。</translation>
    </message>
    <message>
        <source>How many times training goes through all the sentence pairs.
The Train page shows sample translations and the score after every epoch; the best epoch is kept. Real sentence corpora need more epochs than the bundled numbers.</source>
        <translation>训练把所有句子对完整过一遍的次数。
“训练”页会在每个轮次后显示示例译文和得分；最好的轮次会被保留。真实的句子语料比自带的数字需要更多轮次。</translation>
    </message>
    <message>
        <source>How many sentence pairs the model reads before each small correction.
Larger batches are faster on a GPU but use more memory; if you see an out-of-memory message, halve this number. The recommended value is fine for most people.</source>
        <translation>模型每做一次小修正之前要读多少个句子对。
批越大，在 GPU 上越快，但占用的内存也越多；如果看到内存不足的提示，请把这个数减半。推荐值适合大多数人。</translation>
    </message>
    <message>
        <source>How big each correction is (the learning rate).
It starts small, rises during the first steps and then slowly falls again. If the loss jumps around or the translations turn to nonsense, try half.</source>
        <translation>每次修正的幅度（学习率）。
它从很小开始，在最初几步中逐渐升高，然后再慢慢降低。如果损失忽高忽低，或者译文变得毫无意义，试试减半。</translation>
    </message>
    <message>
        <source>How sentences are cut into the pieces the model reads and writes.
Word pieces (recommended): common words stay whole and rare words are split into parts learned from your sentences; short sequences, fast training.
Single characters: letter by letter; needs no learning, copes with any spelling, but sentences become long, so training is slower.</source>
        <translation>句子如何被切分成模型读写的片段。
词片（推荐）：常见的词保持完整，少见的词被拆成从你的句子中学到的部分；序列短，训练快。
单个字符：逐个字母切分；无需学习，能应对任何拼写，但句子会变长，所以训练更慢。</translation>
    </message>
    <message>
        <source>How many times training reads the whole text.
The Train page shows a paragraph written by the model after every epoch; the epoch with the lowest perplexity is kept. A longer text needs fewer epochs.</source>
        <translation>训练把整篇文本完整读一遍的次数。
“训练”页会在每个轮次后显示模型写的一段文字；困惑度最低的轮次会被保留。文本越长，需要的轮次越少。</translation>
    </message>
    <message>
        <source>How many pieces of the text (100 characters each) the model reads before each small correction.
The recommended value is fine for most people; if you see an out-of-memory message, halve it.</source>
        <translation>模型每做一次小修正之前要读多少段文本（每段 100 个字符）。
推荐值适合大多数人；如果看到内存不足的提示，请把它减半。</translation>
    </message>
    <message>
        <source>How big each correction is (the learning rate).
If the loss jumps around or the writing turns to nonsense, try half.</source>
        <translation>每次修正的幅度（学习率）。
如果损失忽高忽低，或者写出的文字变得毫无意义，试试减半。</translation>
    </message>
    <message>
        <source>{millions} million</source>
        <translation>{millions} 百万</translation>
    </message>
    <message>
        <source>Model and training settings</source>
        <translation>模型与训练设置</translation>
    </message>
    <message>
        <source>Loading the training engine…</source>
        <translation>正在加载训练引擎…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Choose a dataset on the Data page to see the size of each model.</source>
        <translation>在“数据”页选择一个数据集，就能看到每个模型的大小。</translation>
    </message>
    <message>
        <source>The network that learns from your pictures. Bigger is not always better: start with the recommended one and compare.</source>
        <translation>从你的图片中学习的网络。越大不一定越好：先用推荐的那个，再做比较。</translation>
    </message>
    <message>
        <source>The list of models appears once the training engine has loaded.</source>
        <translation>训练引擎加载完成后，这里会列出各个模型。</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> epochs without progress</source>
        <translation> 轮无改进</translation>
    </message>
    <message>
        <source>Mixed precision (faster on a GPU)</source>
        <translation>混合精度（在 GPU 上更快）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Cut sentences into</source>
        <translation>句子切分方式</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Reset to recommended</source>
        <translation>恢复推荐值</translation>
    </message>
    <message>
        <source>The network that learns to write: it reads the text one character at a time and learns to guess the next one. Start with the recommended one.</source>
        <translation>学习写作的网络：它逐个字符地阅读文本，学着猜出下一个字符。先用推荐的那个。</translation>
    </message>
    <message>
        <source>Hover over a setting to see what it does. The recommended values suit the chosen text and model; most people never need to change them.</source>
        <translation>把鼠标停在某项设置上，就能看到它的作用。推荐值适合所选的文本和模型；大多数人都不需要修改。</translation>
    </message>
    <message>
        <source>The network that learns to translate: it reads a whole sentence, then writes its translation one piece at a time. Start with the recommended one.</source>
        <translation>学习翻译的网络：它先读完整个句子，再一段一段地写出译文。先用推荐的那个。</translation>
    </message>
    <message>
        <source>Hover over a setting to see what it does. The recommended values suit the chosen sentences and model; most people never need to change them.</source>
        <translation>把鼠标停在某项设置上，就能看到它的作用。推荐值适合所选的句子和模型；大多数人都不需要修改。</translation>
    </message>
    <message>
        <source>The pair of networks that learns to draw: a generator that makes pictures from random numbers, and a judge that learns to tell them from real ones.</source>
        <translation>一起学习画画的一对网络：生成器用随机数生成图片，评判器学着把它们和真实图片区分开。</translation>
    </message>
    <message>
        <source>Hover over a setting to see what it does. The recommended values suit the chosen dataset; most people never need to change them. The rest of the way a GAN learns is set by ModelDesk, so only these settings are offered.</source>
        <translation>把鼠标停在某项设置上，就能看到它的作用。推荐值适合所选的数据集；大多数人都不需要修改。GAN 学习方式的其余部分由 ModelDesk 设定，所以这里只提供这几项设置。</translation>
    </message>
    <message>
        <source>Hover over a setting to see what it does. The recommended values suit the chosen dataset and model; most people never need to change them.</source>
        <translation>把鼠标停在某项设置上，就能看到它的作用。推荐值适合所选的数据集和模型；大多数人都不需要修改。</translation>
    </message>
    <message>
        <source>GPU: {name}</source>
        <translation>GPU：{name}</translation>
    </message>
    <message>
        <source>ModelDesk will use: {device}</source>
        <translation>ModelDesk 将使用：{device}</translation>
    </message>
    <message>
        <source>about {count} parameters</source>
        <translation>约 {count}个参数</translation>
    </message>
    <message>
        <source>{count} parameters in the generator</source>
        <translation>生成器有 {count} 个参数</translation>
    </message>
    <message>
        <source>{count} parameters</source>
        <translation>{count} 个参数</translation>
    </message>
    <message>
        <source>about {count} parameters ({megabytes} MB as a file)</source>
        <translation>约 {count}个参数（文件大小约 {megabytes} MB）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recommended for {dataset}:&lt;/b&gt; {epochs} epochs, batch size {batch_size}, learning rate {lr}, {pieces}.</source>
        <translation>&lt;b&gt;{dataset} 的推荐设置：&lt;/b&gt;{epochs} 个轮次，批大小 {batch_size}，学习率 {lr}，切分方式：{pieces}。</translation>
    </message>
    <message>
        <source>The Train page shows sample translations and the score after every epoch; the finished translator opens in the Playground.</source>
        <translation>“训练”页会在每个轮次后显示示例译文和得分；训练好的翻译模型会在“试用场”中打开。</translation>
    </message>
    <message>
        <source>{count} parameters ({megabytes} MB as a file)</source>
        <translation>{count} 个参数（文件大小 {megabytes} MB）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recommended for {dataset}:&lt;/b&gt; {epochs} epochs, batch size {batch_size}, learning rate {lr}.</source>
        <translation>&lt;b&gt;{dataset} 的推荐设置：&lt;/b&gt;{epochs} 个轮次，批大小 {batch_size}，学习率 {lr}。</translation>
    </message>
    <message>
        <source>The Train page shows a paragraph the model wrote after every epoch; the finished model writes for you in the Playground.</source>
        <translation>“训练”页会在每个轮次后显示模型写的一段文字；训练好的模型可以在“试用场”中为你写作。</translation>
    </message>
    <message>
        <source>generator: {count} parameters ({megabytes} MB as a file)</source>
        <translation>生成器：{count} 个参数（文件大小 {megabytes} MB）</translation>
    </message>
    <message>
        <source>The Train page shows new pictures after every epoch; the finished generator opens in the Playground.</source>
        <translation>“训练”页会在每个轮次后显示新画的图片；训练好的生成器会在“试用场”中打开。</translation>
    </message>
    <message>
        <source>stop after {count} epochs without progress</source>
        <translation>连续 {count} 轮无改进时停止</translation>
    </message>
    <message>
        <source>no early stopping</source>
        <translation>不提前停止</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recommended for {dataset}:&lt;/b&gt; {epochs} epochs, batch size {batch_size}, learning rate {lr}, {optimizer}, augmentation: {augment}, {patience}.</source>
        <translation>&lt;b&gt;{dataset} 的推荐设置：&lt;/b&gt;{epochs} 个轮次，批大小 {batch_size}，学习率 {lr}，{optimizer}，数据增强：{augment}，{patience}。</translation>
    </message>
    <message>
        <source>speed: {speed}</source>
        <translation>速度：{speed}</translation>
    </message>
    <message>
        <source>Choose a text on the Data page to see the size of each model.</source>
        <translation>在“数据”页选择一篇文本，就能看到每个模型的大小。</translation>
    </message>
    <message>
        <source>Sizes are for &lt;b&gt;{dataset}&lt;/b&gt;: {characters} characters, {different} of them different. Bigger models can learn longer patterns but train slower.</source>
        <translation>以下大小按 &lt;b&gt;{dataset}&lt;/b&gt; 计算：共 {characters} 个字符，其中 {different} 个互不相同。更大的模型能学会更长的规律，但训练更慢。</translation>
    </message>
    <message>
        <source>Choose sentence pairs on the Data page to see the size of each model.</source>
        <translation>在“数据”页选择句子对，就能看到每个模型的大小。</translation>
    </message>
    <message>
        <source>one token per character</source>
        <translation>每个字符算一个词元</translation>
    </message>
    <message>
        <source>up to {count} word pieces per language</source>
        <translation>每种语言最多 {count} 个词片</translation>
    </message>
    <message>
        <source>Sizes are for &lt;b&gt;{dataset}&lt;/b&gt;: {pairs} sentence pairs, {direction}, with {vocabulary}. Bigger models can learn harder sentences but train slower.</source>
        <translation>以下大小按 &lt;b&gt;{dataset}&lt;/b&gt; 计算：{pairs} 个句子对，{direction}，词表：{vocabulary}。更大的模型能学会更难的句子，但训练更慢。</translation>
    </message>
    <message>
        <source>Sizes are for &lt;b&gt;{dataset}&lt;/b&gt;: {pairs} sentence pairs, with {vocabulary}. Bigger models can learn harder sentences but train slower.</source>
        <translation>以下大小按 &lt;b&gt;{dataset}&lt;/b&gt; 计算：{pairs} 个句子对，词表：{vocabulary}。更大的模型能学会更难的句子，但训练更慢。</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>The generator learns to draw {width}×{height} {colour} pictures like those in &lt;b&gt;{dataset}&lt;/b&gt; ({classes} classes). The conditional model also lets you ask for a class.</source>
        <translation>生成器学习画出 {width}×{height} 的{colour}图片，就像 &lt;b&gt;{dataset}&lt;/b&gt; 中的那些（{classes} 个类别）。条件模型还能让你指定要画的类别。</translation>
    </message>
    <message>
        <source>Sizes are for &lt;b&gt;{dataset}&lt;/b&gt;: {width}×{height} {colour} pictures, {classes} classes. More parameters can learn more but train slower.</source>
        <translation>以下大小按 &lt;b&gt;{dataset}&lt;/b&gt; 计算：{width}×{height} 的{colour}图片，{classes} 个类别。参数越多，能学到的越多，但训练更慢。</translation>
    </message>
</context>
<context>
    <name>NumbersDirection</name>
    <message>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Which language the translator reads and which it writes.
English → French: it learns to turn 'forty-two' into 'quarante-deux'.</source>
        <translation>翻译模型读入哪种语言、写出哪种语言。
英语 → 法语：它会学着把英文拼写的“四十二”译成法文拼写。</translation>
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
<context>
    <name>SentenceFileChooser</name>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>A text file with a sentence, a tab and its translation on each line: a Tatoeba or Anki download (like fra.txt from manythings.org) or a two-column TSV saved from a spreadsheet.</source>
        <translation>每行是一句话、一个制表符和它的译文的文本文件：从 Tatoeba 或 Anki 下载的句子对文件，或从电子表格另存的两列 TSV 文件。</translation>
    </message>
    <message>
        <source>Two files…</source>
        <translation>两个文件…</translation>
    </message>
    <message>
        <source>Two text files with one sentence a line, where line 1 of the second file translates line 1 of the first, and so on (like train.en and train.fr).</source>
        <translation>两个每行一句的文本文件，第二个文件的第 1 行是第一个文件第 1 行的译文，依此类推（例如一个英文文件和一个法文文件）。</translation>
    </message>
    <message>
        <source>When reading your file:</source>
        <translation>读取文件时：</translation>
    </message>
    <message>
        <source>These apply to your own file. Changing one reads the file again.</source>
        <translation>这些选项只作用于自己的文件。更改任一选项都会重新读取文件。</translation>
    </message>
    <message>
        <source>Swap the direction</source>
        <translation>交换翻译方向</translation>
    </message>
    <message>
        <source>Translate from the second column (or file) to the first, instead of from the first to the second.</source>
        <translation>从第二列（或第二个文件）译到第一列，而不是从第一列译到第二列。</translation>
    </message>
    <message>
        <source>Make everything lower-case</source>
        <translation>全部转为小写</translation>
    </message>
    <message>
        <source>'Hello' and 'hello' become the same word: a small corpus is easier to learn, but the translator will never write capital letters.</source>
        <translation>同一个词的大写和小写形式会被当成同一个词：小语料更容易学，但翻译模型永远不会写出大写字母。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <source>Leave out pairs where either sentence is longer than this many characters.
Long sentences slow training down and use more memory. 0 = no limit.</source>
        <translation>略去任一句子超过这个字符数的句子对。
长句子会让训练变慢，并占用更多内存。0 = 不限。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source> pairs</source>
        <translation> 个句子对</translation>
    </message>
    <message>
        <source>Read only the first this-many pairs of the file: a quick first try on a big file. 0 = all pairs.</source>
        <translation>只读取文件开头这么多个句子对：适合在大文件上先快速试一试。0 = 全部句子对。</translation>
    </message>
    <message>
        <source>Max length:</source>
        <translation>最大长度：</translation>
    </message>
    <message>
        <source>Use at most:</source>
        <translation>最多使用：</translation>
    </message>
</context>
<context>
    <name>SentencePairsView</name>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Sentence lengths</source>
        <translation>句子长度</translation>
    </message>
    <message>
        <source>How many words the sentences have. A translator learns short sentences fastest; very long ones make training slower and use more memory.</source>
        <translation>句子有多少个词。翻译模型学短句最快；很长的句子会让训练变慢，并占用更多内存。</translation>
    </message>
    <message>
        <source>{shown} of the {total} training pairs, picked at random.</source>
        <translation>随机挑出的 {shown} 个训练句子对（共 {total} 个）。</translation>
    </message>
    <message>
        <source>All {count} training pairs.</source>
        <translation>全部 {count} 个训练句子对。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; sentences</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;句子</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sentences&lt;/b&gt;</source>
        <translation>&lt;b&gt;原句&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Translations&lt;/b&gt;</source>
        <translation>&lt;b&gt;译文&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}s&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>TextCorpusView</name>
    <message>
        <source>The beginning of the text</source>
        <translation>文本开头</translation>
    </message>
    <message>
        <source>The first few thousand characters, exactly as the model will read them.</source>
        <translation>前几千个字符，和模型将读到的完全一样。</translation>
    </message>
    <message>
        <source>Most common characters</source>
        <translation>最常见的字符</translation>
    </message>
    <message>
        <source>How often each of the most common characters occurs. A model first learns these frequencies, then which characters follow which.
␣ is a space, ⏎ a line break, ⇥ a tab.</source>
        <translation>最常见的各个字符出现的频率。模型先学会这些频率，再学会哪些字符后面跟着哪些字符。
␣ 表示空格，⏎ 表示换行，⇥ 表示制表符。</translation>
    </message>
    <message>
        <source>share of the text %</source>
        <translation>占文本的比例 %</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>&lt;p&gt;The user guide is missing from this installation. The README on the ModelDesk project page explains the same things.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此安装中缺少使用指南。ModelDesk 项目主页上的 README 介绍了相同的内容。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>There is no log file yet; ModelDesk starts one at {path} when it has something to note.</source>
        <translation>还没有日志文件；ModelDesk 有需要记录的内容时，会在 {path} 创建它。</translation>
    </message>
    <message>
        <source>No program could open the log file; you can find it at {path}.</source>
        <translation>没有程序能打开日志文件；它位于 {path}。</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>ModelDesk user guide</source>
        <translation>ModelDesk 使用指南</translation>
    </message>
</context>
</TS>