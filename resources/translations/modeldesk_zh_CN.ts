<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>Aesop&apos;s Fables (bundled)</source>
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
        <source>Numbers written out in words (&apos;forty-two&apos; → &apos;quarante-deux&apos;). Bundled and offline; a translator learns them in a minute or two.</source>
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
        <source>Aesop&apos;s Fables (G. F. Townsend&apos;s 1867 translation, public domain), about 60 KB of English prose, bundled: trains a text generator in half a minute, works offline.</source>
        <translation>伊索寓言（G. F. Townsend 1867 年的英译本，公有领域），约 60 KB 英文散文，内置：半分钟就能训练出文本生成模型，无需联网。</translation>
    </message>
    <message>
        <source>Your own text for a text generator: any UTF-8 text file (text:PATH), such as a book from Project Gutenberg; a few hundred KB in one style works best.</source>
        <translation>供文本生成使用的自己的文本：任何 UTF-8 文本文件，比如古登堡计划上的一本书；几百 KB、风格统一的文本效果最好。</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
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
        <source>The class &apos;{name}&apos; has no images; the model will struggle to learn it.</source>
        <translation>类别“{name}”没有图片，模型很难学会它。</translation>
    </message>
    <message>
        <source>The class &apos;{name}&apos; has only {count} image; the model will struggle to learn it.</source>
        <translation>类别“{name}”只有 {count} 张图片，模型很难学会它。</translation>
    </message>
    <message>
        <source>The class &apos;{name}&apos; has only {count} images; the model will struggle to learn it.</source>
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
Image generation (GAN): draw new pictures that look like the dataset&apos;s.
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
        <source>Choose a f&amp;older…</source>
        <translation>选择文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Pick a folder with one sub-folder of pictures per class. You can also drop a folder onto the window.</source>
        <translation>选择一个文件夹，里面每个类别一个图片子文件夹。也可以把文件夹直接拖到窗口上。</translation>
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
        <translation>句子</translation>
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
    <name>Engine</name>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>你的磁盘配额已用完</translation>
    </message>
    <message>
        <source>permission was denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>its folder &apos;{folder}&apos; cannot be made there</source>
        <translation>无法在那里创建它所在的文件夹“{folder}”</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; could not be saved because {reason}; the previous version, if there was one, is unchanged.</source>
        <translation>无法保存“{name}”，因为{reason}；之前的版本（如果有）保持不变。</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>系统拒绝了这一操作</translation>
    </message>
    <message>
        <source>--top-k must be at least 1.</source>
        <translation>--top-k 至少要为 1。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder; give a file name for the CSV results.</source>
        <translation>“{path}”是一个文件夹；请为 CSV 结果给出一个文件名。</translation>
    </message>
    <message>
        <source>None of the {count} images could be read; the first problem was: {reason}</source>
        <translation>{count} 张图片都无法读取；第一个问题是：{reason}</translation>
    </message>
    <message>
        <source>The CSV file &apos;{path}&apos; could not be written ({reason}).</source>
        <translation>无法写入 CSV 文件“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>{train:,} training and {val:,} validation {items}</source>
        <translation>{train:,} 个用于训练、{val:,} 个用于验证的{items}</translation>
    </message>
    <message>
        <source>{count:,} pictures</source>
        <translation>{count:,} 张图片</translation>
    </message>
    <message>
        <source>{train:,} training and {val:,} validation images</source>
        <translation>{train:,} 张训练图片和 {val:,} 张验证图片</translation>
    </message>
    <message>
        <source>{train:,} training and {val:,} validation sentence pairs</source>
        <translation>{train:,} 个训练句子对和 {val:,} 个验证句子对</translation>
    </message>
    <message>
        <source>{train:,} training and {val:,} validation characters</source>
        <translation>{train:,} 个训练字符和 {val:,} 个验证字符</translation>
    </message>
    <message>
        <source>Training {model} ({parameters:,} parameters) on {device}: {sizes}.
Run folder: {run_dir}</source>
        <translation>正在 {device} 上训练 {model}（{parameters:,} 个参数）：{sizes}。
运行文件夹：{run_dir}</translation>
    </message>
    <message>
        <source>{reason} Best epoch {epoch}: validation perplexity {perplexity:.2f} (by letter frequency alone: {unigram:.1f}).</source>
        <translation>{reason}最佳轮次 {epoch}：验证困惑度 {perplexity:.2f}（仅凭字母频率：{unigram:.1f}）。</translation>
    </message>
    <message>
        <source>{reason} Best epoch {epoch}: BLEU {bleu:.1f}, chrF {chrf:.1f}{exact} on the validation sentences.</source>
        <translation>{reason}最佳轮次 {epoch}：在验证句子上 BLEU {bleu:.1f}，chrF {chrf:.1f}{exact}。</translation>
    </message>
    <message>
        <source>{reason} Best epoch {epoch}: {share:.1f}% of samples recognised, {coverage} of {classes} classes present.</source>
        <translation>{reason}最佳轮次 {epoch}：{share:.1f}% 的样本可识别，出现了 {classes} 个类别中的 {coverage} 个。</translation>
    </message>
    <message>
        <source>{reason} Best validation accuracy {share:.2f}% at epoch {epoch}.</source>
        <translation>{reason}最佳验证准确率 {share:.2f}%，在第 {epoch} 轮。</translation>
    </message>
    <message>
        <source>  *best</source>
        <translation>  *最佳</translation>
    </message>
    <message>
        <source>Training {model} ({parameters:,} parameters) on {device}: {sizes}, resuming at epoch {epoch}.
Run folder: {run_dir}</source>
        <translation>正在 {device} 上训练 {model}（{parameters:,} 个参数）：{sizes}，从第 {epoch} 轮继续训练。
运行文件夹：{run_dir}</translation>
    </message>
    <message>
        <source>  recognised {share:.1f}%  classes {coverage}/{classes}</source>
        <translation>  可识别 {share:.1f}%  类别 {coverage}/{classes}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}  D loss {d_loss:.3f}  G loss {g_loss:.3f}  D(x) {d_real:.2f}  D(G(z)) {d_fake:.2f}{quality}  {speed:,.0f} img/s  {seconds:.1f}s</source>
        <translation>第 {epoch}/{epochs} 轮  裁判损失 {d_loss:.3f}  生成器损失 {g_loss:.3f}  D(x) {d_real:.2f}  D(G(z)) {d_fake:.2f}{quality}  {speed:,.0f} 张图片/秒  {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}  loss {loss:.4f}  acc {accuracy:.2f}%  val loss {val_loss:.4f}  val acc {val_accuracy:.2f}%  lr {lr:.2g}  {speed:,.0f} img/s  {seconds:.1f}s</source>
        <translation>第 {epoch}/{epochs} 轮  损失 {loss:.4f}  准确率 {accuracy:.2f}%  验证损失 {val_loss:.4f}  验证准确率 {val_accuracy:.2f}%  学习率 {lr:.2g}  {speed:,.0f} 张图片/秒  {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>  exact {share:.1f}%</source>
        <translation>  完全正确 {share:.1f}%</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}  loss {loss:.3f}  val loss {val_loss:.3f}  tokens {tokens:.1f}%  BLEU {bleu:.1f}  chrF {chrf:.1f}{exact}  {speed:,.0f} pairs/s  {seconds:.1f}s</source>
        <translation>第 {epoch}/{epochs} 轮  损失 {loss:.3f}  验证损失 {val_loss:.3f}  词元 {tokens:.1f}%  BLEU {bleu:.1f}  chrF {chrf:.1f}{exact}  {speed:,.0f} 个句子对/秒  {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}  loss {loss:.3f}  val loss {val_loss:.3f}  perplexity {perplexity:.2f} (by letter frequency: {unigram:.1f})  {speed:,.0f} chars/s  {seconds:.1f}s</source>
        <translation>第 {epoch}/{epochs} 轮  损失 {loss:.3f}  验证损失 {val_loss:.3f}  困惑度 {perplexity:.2f}（仅凭字母频率：{unigram:.1f}）  {speed:,.0f} 个字符/秒  {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>, {share:.1f}% exactly right</source>
        <translation>，{share:.1f}% 完全正确</translation>
    </message>
    <message>
        <source>  as asked {share:.1f}%</source>
        <translation>  按要求画出 {share:.1f}%</translation>
    </message>
    <message>
        <source>The grid is saved as PNG: give --out a name ending in .png.</source>
        <translation>网格图保存为 PNG：请给 --out 一个以 .png 结尾的文件名。</translation>
    </message>
    <message>
        <source>The folder &apos;{path}&apos; for the grid does not exist.</source>
        <translation>用来保存网格图的文件夹“{path}”不存在。</translation>
    </message>
    <message>
        <source>--columns must be at least 1.</source>
        <translation>--columns 至少要为 1。</translation>
    </message>
    <message>
        <source>--scale must be between 1 and 64.</source>
        <translation>--scale 必须在 1 到 64 之间。</translation>
    </message>
    <message>
        <source>This generator cannot be asked for a class: it was trained without classes (train dcgan-conditional for that).</source>
        <translation>不能让这个生成器画指定的类别：它训练时没有使用类别（要这样做，请训练 dcgan-conditional）。</translation>
    </message>
    <message>
        <source>The export file name must end in .onnx.</source>
        <translation>导出文件名必须以 .onnx 结尾。</translation>
    </message>
    <message>
        <source>The folder &apos;{path}&apos; for the exported model does not exist.</source>
        <translation>用来保存导出模型的文件夹“{path}”不存在。</translation>
    </message>
    <message>
        <source>The job file trains the task &apos;{task}&apos;; to change the task give --dataset and --model too.</source>
        <translation>这个训练任务文件训练的是任务“{task}”；要更换任务，请同时给出 --dataset 和 --model。</translation>
    </message>
    <message>
        <source>Give something to translate: sentences after the model file, or --input FILE.</source>
        <translation>请给出要翻译的内容：在模型文件后写上句子，或使用 --input FILE。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; does not exist.</source>
        <translation>文件“{path}”不存在。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not UTF-8 text; save it as UTF-8 and try again.</source>
        <translation>“{name}”不是 UTF-8 文本；请把它保存为 UTF-8 后再试。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; could not be read ({reason}).</source>
        <translation>无法读取“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>The folder &apos;{folder}&apos; holds no CIFAR-10 binary files; it needs data_batch_1.bin to data_batch_5.bin and test_batch.bin (from {archive}).</source>
        <translation>文件夹“{folder}”中没有 CIFAR-10 二进制文件；需要 data_batch_1.bin 到 data_batch_5.bin 以及 test_batch.bin（来自 {archive}）。</translation>
    </message>
    <message>
        <source>The folder &apos;{folder}&apos; does not exist; choose the folder that holds the CIFAR-10 .bin files.</source>
        <translation>文件夹“{folder}”不存在；请选择存放 CIFAR-10 .bin 文件的文件夹。</translation>
    </message>
    <message>
        <source>The CIFAR-10 archive did not contain &apos;{name}&apos;; it was deleted, so try again to download a fresh copy.</source>
        <translation>CIFAR-10 压缩包中没有“{name}”；压缩包已删除，请重试以下载一份新的。</translation>
    </message>
    <message>
        <source>The CIFAR-10 training files</source>
        <translation>CIFAR-10 训练文件</translation>
    </message>
    <message>
        <source>The CIFAR-10 test files</source>
        <translation>CIFAR-10 测试文件</translation>
    </message>
    <message>
        <source>The file &apos;{name}&apos; is damaged or is not a CIFAR-10 binary batch (its size is not a whole number of 3,073-byte records); download it again.</source>
        <translation>文件“{name}”已损坏，或不是 CIFAR-10 二进制批次文件（它的大小不是 3,073 字节记录的整数倍）；请重新下载。</translation>
    </message>
    <message>
        <source>The CIFAR-10 file &apos;{path}&apos; does not exist.</source>
        <translation>CIFAR-10 文件“{path}”不存在。</translation>
    </message>
    <message>
        <source>The file &apos;{name}&apos; could not be read ({reason}); download it again.</source>
        <translation>无法读取文件“{name}”（{reason}）；请重新下载。</translation>
    </message>
    <message>
        <source>The CIFAR-10 file &apos;{name}&apos; is missing from &apos;{folder}&apos;; put all six .bin files there.</source>
        <translation>“{folder}”中缺少 CIFAR-10 文件“{name}”；请把全部六个 .bin 文件放在那里。</translation>
    </message>
    <message>
        <source>{files} contain the label {label}, but there are only {count} classes; they are not CIFAR-10 files (CIFAR-100 is not supported).</source>
        <translation>{files}中含有标签 {label}，但只有 {count} 个类别；它们不是 CIFAR-10 文件（不支持 CIFAR-100）。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos;</source>
        <translation>文件“{path}”</translation>
    </message>
    <message>
        <source>The bundled fables file</source>
        <translation>内置的寓言文件</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; is empty; choose a text file with at least {count:,} characters.</source>
        <translation>文件“{path}”是空的；请选择一个至少有 {count:,} 个字符的文本文件。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; is too large ({size:.0f} MB; ModelDesk reads up to {limit} MB of text); save a part of it as a smaller file and load that.</source>
        <translation>文件“{path}”太大（{size:.0f} MB；ModelDesk 最多读取 {limit} MB 的文本）；请把其中一部分另存为较小的文件再加载。</translation>
    </message>
    <message>
        <source>{where} is saved as UTF-16; open it in a text editor and save it as UTF-8.</source>
        <translation>{where}是以 UTF-16 保存的；请在文本编辑器中打开它，另存为 UTF-8。</translation>
    </message>
    <message>
        <source>{where} holds binary data, not text; choose a plain text file (.txt) saved as UTF-8.</source>
        <translation>{where}里是二进制数据，不是文本；请选择以 UTF-8 保存的纯文本文件（.txt）。</translation>
    </message>
    <message>
        <source>{where} holds only blank lines; choose a text file with at least {count:,} characters of text.</source>
        <translation>{where}只有空行；请选择一个至少有 {count:,} 个字符正文的文本文件。</translation>
    </message>
    <message>
        <source>{where} holds only {count:,} characters; a text generator needs at least {least:,} (a page or two) to learn from, and learns well from 50,000 or more.</source>
        <translation>{where}只有 {count:,} 个字符；文本生成模型至少需要 {least:,} 个字符（一两页）才能学习，有 50,000 个以上效果才好。</translation>
    </message>
    <message>
        <source>No file was given; choose the text file to learn from (text:PATH).</source>
        <translation>没有指定文件；请选择要学习的文本文件（text:PATH）。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; does not exist; check the path.</source>
        <translation>文件“{path}”不存在；请检查路径。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder, not a file; choose a text file (.txt) saved as UTF-8.</source>
        <translation>“{path}”是文件夹，不是文件；请选择以 UTF-8 保存的文本文件（.txt）。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; could not be opened ({reason}); check the path and that you may read it.</source>
        <translation>无法打开文件“{path}”（{reason}）；请检查路径，以及你是否有读取权限。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; could not be read ({reason}); check that it is still there and that you may read it.</source>
        <translation>无法读取文件“{path}”（{reason}）；请检查它是否还在，以及你是否有读取权限。</translation>
    </message>
    <message>
        <source>The bundled fables file is missing or damaged ({path}); reinstall ModelDesk.</source>
        <translation>内置的寓言文件缺失或已损坏（{path}）；请重新安装 ModelDesk。</translation>
    </message>
    <message>
        <source>{where} is not UTF-8 text; open it in a text editor and save it with the UTF-8 encoding.</source>
        <translation>{where}不是 UTF-8 文本；请在文本编辑器中打开它，用 UTF-8 编码保存。</translation>
    </message>
    <message>
        <source>1 damaged character that could not be read as UTF-8 was left out.</source>
        <translation>有 1 个无法按 UTF-8 读取的损坏字符，已略去。</translation>
    </message>
    <message>
        <source>{count:,} damaged characters that could not be read as UTF-8 were left out.</source>
        <translation>有 {count:,} 个无法按 UTF-8 读取的损坏字符，已略去。</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <source>The bundled digits file is missing or damaged ({path}); reinstall ModelDesk.</source>
        <translation>自带的手写数字文件缺失或已损坏（{path}）；请重新安装 ModelDesk。</translation>
    </message>
    <message>
        <source>Could not download {name}: no internet connection (or the server is unreachable). If you have the files, put them in a folder and choose it with --data-dir.</source>
        <translation>无法下载 {name}：没有网络连接（或无法连接服务器）。如果你已有这些文件，请把它们放进一个文件夹，并用 --data-dir 选择该文件夹。</translation>
    </message>
    <message>
        <source>Could not save {name} in {folder} ({reason}); free some disk space or choose another cache folder.</source>
        <translation>无法把 {name} 保存到 {folder}（{reason}）；请腾出一些磁盘空间，或选择其他缓存文件夹。</translation>
    </message>
    <message>
        <source>has an absolute path</source>
        <translation>使用了绝对路径</translation>
    </message>
    <message>
        <source>points outside the folder</source>
        <translation>指向文件夹之外</translation>
    </message>
    <message>
        <source>is a device file</source>
        <translation>是设备文件</translation>
    </message>
    <message>
        <source>The download of {name} stopped before it was complete. Try again; it will continue where it stopped.</source>
        <translation>{name} 的下载在完成前中断了。请重试，下载会从中断处继续。</translation>
    </message>
    <message>
        <source>The downloaded file {name} was damaged (its checksum did not match); it was deleted, so try again.</source>
        <translation>下载的文件 {name} 已损坏（校验和不符）；文件已删除，请重试。</translation>
    </message>
    <message>
        <source>is a link to an absolute path</source>
        <translation>是指向绝对路径的链接</translation>
    </message>
    <message>
        <source>Could not create the folder {folder} ({reason}); choose another cache folder.</source>
        <translation>无法创建文件夹 {folder}（{reason}）；请选择其他缓存文件夹。</translation>
    </message>
    <message>
        <source>Could not download {name}: the server answered with error {code} ({reason}). Try again later.</source>
        <translation>无法下载 {name}：服务器返回错误 {code}（{reason}）。请稍后重试。</translation>
    </message>
    <message>
        <source>is a link pointing outside the folder</source>
        <translation>是指向文件夹之外的链接</translation>
    </message>
    <message>
        <source>The archive {archive} is unsafe ({reason}); nothing was kept, so delete it and download it again.</source>
        <translation>压缩包 {archive} 不安全（{reason}）；没有保留任何内容，请删除它并重新下载。</translation>
    </message>
    <message>
        <source>The archive {archive} is damaged or incomplete; delete it and download it again.</source>
        <translation>压缩包 {archive} 已损坏或不完整；请删除它并重新下载。</translation>
    </message>
    <message>
        <source>Could not copy {name}: the file {url} could not be read.</source>
        <translation>无法复制 {name}：无法读取文件 {url}。</translation>
    </message>
    <message>
        <source>The download of {name} was cancelled; it will continue where it stopped next time.</source>
        <translation>{name} 的下载已取消；下次会从中断处继续。</translation>
    </message>
    <message>
        <source>The download of {name} stopped because the server stopped answering. Try again; it will continue where it stopped.</source>
        <translation>{name} 的下载中断了，因为服务器不再响应。请重试，下载会从中断处继续。</translation>
    </message>
    <message>
        <source>The download of {name} was interrupted. Try again; it will continue where it stopped.</source>
        <translation>{name} 的下载被打断了。请重试，下载会从中断处继续。</translation>
    </message>
    <message>
        <source>The archive {archive} is unsafe: its entry &apos;{entry}&apos; {problem}; nothing was extracted, so delete it and download it again.</source>
        <translation>压缩包 {archive} 不安全：其中的条目“{entry}”{problem}；没有解压任何内容，请删除它并重新下载。</translation>
    </message>
    <message>
        <source>The folder &apos;{path}&apos; has no class folders and no pictures; put each class&apos;s pictures in its own sub-folder.</source>
        <translation>文件夹“{path}”中既没有类别文件夹，也没有图片；请把每个类别的图片放进各自的子文件夹。</translation>
    </message>
    <message>
        <source>The pictures in &apos;{path}&apos; are not sorted into class folders; put each class&apos;s pictures in its own sub-folder (for example {name}/cats and {name}/dogs).</source>
        <translation>“{path}”中的图片没有按类别分到文件夹中；请把每个类别的图片放进各自的子文件夹（例如 {name}/cats 和 {name}/dogs）。</translation>
    </message>
    <message>
        <source>No folder was given; choose the folder that holds your class folders.</source>
        <translation>没有指定文件夹；请选择存放各类别文件夹的文件夹。</translation>
    </message>
    <message>
        <source>The folder &apos;{path}&apos; does not exist; check the path.</source>
        <translation>文件夹“{path}”不存在；请检查路径。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a file, not a folder; choose the folder that holds your class folders.</source>
        <translation>“{path}”是文件，不是文件夹；请选择存放各类别文件夹的文件夹。</translation>
    </message>
    <message>
        <source>No pictures were found in &apos;{path}&apos;; ModelDesk reads PNG, JPEG, BMP, GIF, WebP and TIFF files.</source>
        <translation>在“{path}”中没有找到图片；ModelDesk 可读取 PNG、JPEG、BMP、GIF、WebP 和 TIFF 文件。</translation>
    </message>
    <message>
        <source>None of the {count} pictures in &apos;{path}&apos; could be read; they may be damaged or not really images.</source>
        <translation>“{path}”中的 {count} 张图片都无法读取；它们可能已损坏，或者其实不是图片。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs at least two classes with pictures to learn from (found {count}); add a sub-folder of pictures for each class.</source>
        <translation>“{name}”至少需要两个有图片的类别才能学习（找到 {count} 个）；请为每个类别添加一个图片子文件夹。</translation>
    </message>
    <message>
        <source>The folder &apos;{folder}&apos; could not be opened ({reason}); check that you may read it.</source>
        <translation>无法打开文件夹“{folder}”（{reason}）；请检查你是否有读取权限。</translation>
    </message>
    <message>
        <source>1 file could not be read and was skipped.</source>
        <translation>有 1 个文件无法读取，已跳过。</translation>
    </message>
    <message>
        <source>{count} files could not be read and were skipped.</source>
        <translation>有 {count} 个文件无法读取，已跳过。</translation>
    </message>
    <message>
        <source>The class &apos;{name}&apos; has no readable pictures and was left out.</source>
        <translation>类别“{name}”没有可读取的图片，已略去。</translation>
    </message>
    <message>
        <source>The test folder has no readable pictures, so part of the training pictures will be used for testing.</source>
        <translation>测试文件夹中没有可读取的图片，因此将用一部分训练图片来测试。</translation>
    </message>
    <message>
        <source>The train folder &apos;{name}&apos; is not one of the training classes and was ignored.</source>
        <translation>训练文件夹“{name}”不是训练类别之一，已忽略。</translation>
    </message>
    <message>
        <source>The test folder &apos;{name}&apos; is not one of the training classes and was ignored.</source>
        <translation>测试文件夹“{name}”不是训练类别之一，已忽略。</translation>
    </message>
    <message>
        <source>The class &apos;{name}&apos; has only 1 picture; the model will learn it poorly, so add more if you can.</source>
        <translation>类别“{name}”只有 1 张图片；模型很难学好它，如果可以，请添加更多图片。</translation>
    </message>
    <message>
        <source>The class &apos;{name}&apos; has only {count} pictures; the model will learn it poorly, so add more if you can.</source>
        <translation>类别“{name}”只有 {count} 张图片；模型很难学好它，如果可以，请添加更多图片。</translation>
    </message>
    <message>
        <source>it ends before the header is complete</source>
        <translation>文件在文件头完整之前就结束了</translation>
    </message>
    <message>
        <source>The file &apos;{name}&apos; is damaged or is not an IDX file ({why}); download it again.</source>
        <translation>文件“{name}”已损坏或不是 IDX 文件（{why}）；请重新下载。</translation>
    </message>
    <message>
        <source>it ends before the data is complete</source>
        <translation>文件在数据完整之前就结束了</translation>
    </message>
    <message>
        <source>its first bytes are not an IDX header</source>
        <translation>开头的字节不是 IDX 文件头</translation>
    </message>
    <message>
        <source>unknown element type 0x{code:02x}</source>
        <translation>未知的元素类型 0x{code:02x}</translation>
    </message>
    <message>
        <source>it declares {count} dimensions</source>
        <translation>它声明了 {count} 个维度</translation>
    </message>
    <message>
        <source>it holds more data than its header declares</source>
        <translation>其中的数据比文件头声明的多</translation>
    </message>
    <message>
        <source>The folder &apos;{folder}&apos; does not exist; choose the folder that holds the {dataset} files.</source>
        <translation>文件夹“{folder}”不存在；请选择存放 {dataset} 文件的文件夹。</translation>
    </message>
    <message>
        <source>The folder &apos;{folder}&apos; holds no {dataset} files; it needs {names} (each may end in .gz).</source>
        <translation>文件夹“{folder}”中没有 {dataset} 文件；需要 {names}（每个都可以以 .gz 结尾）。</translation>
    </message>
    <message>
        <source>The file &apos;{name}&apos; does not hold {dataset} images (it should be a list of 8-bit pictures); use the original {dataset} files.</source>
        <translation>文件“{name}”中不是 {dataset} 图片（应为一组 8 位图片）；请使用原始的 {dataset} 文件。</translation>
    </message>
    <message>
        <source>The file &apos;{name}&apos; does not hold {dataset} labels; use the original {dataset} files.</source>
        <translation>文件“{name}”中不是 {dataset} 标签；请使用原始的 {dataset} 文件。</translation>
    </message>
    <message>
        <source>&apos;{images_file}&apos; has {images:,} images but &apos;{labels_file}&apos; has {labels:,} labels; use files from the same {dataset} download.</source>
        <translation>“{images_file}”有 {images:,} 张图片，但“{labels_file}”有 {labels:,} 个标签；请使用同一次下载的 {dataset} 文件。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; contains the label {label}, but {dataset} has only {count} classes; use the original {dataset} files.</source>
        <translation>“{name}”中含有标签 {label}，但 {dataset} 只有 {count} 个类别；请使用原始的 {dataset} 文件。</translation>
    </message>
    <message>
        <source>The {dataset} training and test images have different sizes; use files from the same {dataset} download.</source>
        <translation>{dataset} 的训练图片和测试图片尺寸不同；请使用同一次下载的 {dataset} 文件。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder, not an IDX file.</source>
        <translation>“{path}”是文件夹，不是 IDX 文件。</translation>
    </message>
    <message>
        <source>the header promises {promised:,} bytes of data but the file holds {held:,}</source>
        <translation>文件头声明有 {promised:,} 字节的数据，但文件中只有 {held:,} 字节</translation>
    </message>
    <message>
        <source>the header promises {promised:,} bytes, more than the file can hold</source>
        <translation>文件头声明有 {promised:,} 字节，超出了文件所能容纳的大小</translation>
    </message>
    <message>
        <source>The {dataset} file &apos;{stem}&apos; (or &apos;{stem}.gz&apos;) is missing from &apos;{folder}&apos;; put all four {dataset} files there.</source>
        <translation>“{folder}”中缺少 {dataset} 文件“{stem}”（或“{stem}.gz”）；请把全部四个 {dataset} 文件放在那里。</translation>
    </message>
    <message>
        <source>There is no dataset called &apos;{spec}&apos;. Choose one of: {known} (or folder:PATH for your own images).</source>
        <translation>没有名为“{spec}”的数据集。请从以下选择：{known}（或用 folder:PATH 使用你自己的图片）。</translation>
    </message>
    <message>
        <source>The dataset &apos;{name}&apos; needs a path, for example {name}:/path/to/file.txt.</source>
        <translation>数据集“{name}”需要一个路径，例如 {name}:/path/to/file.txt。</translation>
    </message>
    <message>
        <source>The dataset &apos;{name}&apos; takes no argument; write just &apos;{name}&apos;.</source>
        <translation>数据集“{name}”不带参数；只写“{name}”即可。</translation>
    </message>
    <message>
        <source>The dataset &apos;{name}&apos; needs a path, for example {name}:/path/to/images.</source>
        <translation>数据集“{name}”需要一个路径，例如 {name}:/path/to/images。</translation>
    </message>
    <message>
        <source>The numbers dataset has no direction &apos;{direction}&apos;. Choose one of: {known} (for example numbers:en-fr).</source>
        <translation>数字数据集没有“{direction}”这个方向。请从以下选择：{known}（例如 numbers:en-fr）。</translation>
    </message>
    <message>
        <source>The numbers dataset needs the num2words package; reinstall ModelDesk.</source>
        <translation>数字数据集需要 num2words 软件包；请重新安装 ModelDesk。</translation>
    </message>
    <message>
        <source>did not have a sentence and its translation separated by a tab</source>
        <translation>没有用制表符隔开的句子和译文</translation>
    </message>
    <message>
        <source>had an empty sentence or translation</source>
        <translation>句子或译文为空</translation>
    </message>
    <message>
        <source>could not be read as UTF-8 text</source>
        <translation>无法作为 UTF-8 文本读取</translation>
    </message>
    <message>
        <source>held NUL bytes (binary data, not text)</source>
        <translation>含有 NUL 字节（是二进制数据，不是文本）</translation>
    </message>
    <message>
        <source>had more than {count:,} characters</source>
        <translation>超过了 {count:,} 个字符</translation>
    </message>
    <message>
        <source>1 line was left out because it {reason}.</source>
        <translation>有 1 行被略去，因为{reason}。</translation>
    </message>
    <message>
        <source>{count:,} lines were left out because they {reason}.</source>
        <translation>有 {count:,} 行被略去，因为{reason}。</translation>
    </message>
    <message>
        <source>No file was given; choose the text file that holds your sentence pairs (tsv:PATH).</source>
        <translation>没有指定文件；请选择存放句子对的文本文件（tsv:PATH）。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; is empty; it should hold one sentence pair per line.</source>
        <translation>文件“{path}”是空的；它应当每行存放一个句子对。</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; is too large ({size:.1f} GB; ModelDesk reads up to {limit:.1f} GB, even when only some pairs are kept); save a part of it as a smaller file and load that.</source>
        <translation>文件“{path}”太大（{size:.1f} GB；即使只保留部分句子对，ModelDesk 最多也只能读取 {limit:.1f} GB）；请把其中一部分另存为较小的文件，再加载它。</translation>
    </message>
    <message>
        <source>&apos;{first}&apos; has {count:,} lines but &apos;{second}&apos; has {other:,}; the two files must hold one sentence per line, in the same order, so that line by line they translate each other.</source>
        <translation>“{first}”有 {count:,} 行，但“{second}”有 {other:,} 行；两个文件必须每行一个句子、顺序相同，使它们逐行互为译文。</translation>
    </message>
    <message>
        <source>1 line pair was left out because it {reason}.</source>
        <translation>有 1 对行被略去，因为{reason}。</translation>
    </message>
    <message>
        <source>{count:,} line pairs were left out because they {reason}.</source>
        <translation>有 {count:,} 对行被略去，因为{reason}。</translation>
    </message>
    <message>
        <source>1 sentence pair was left out because a side was longer than {limit:,} characters (the maximum length).</source>
        <translation>有 1 个句子对被略去，因为其中一边超过了 {limit:,} 个字符（最大长度）。</translation>
    </message>
    <message>
        <source>&apos;{first}&apos; and &apos;{second}&apos;</source>
        <translation>“{first}”和“{second}”</translation>
    </message>
    <message>
        <source>No usable sentence pairs were found in {where}. {warnings}</source>
        <translation>在{where}中没有找到可用的句子对。{warnings}</translation>
    </message>
    <message>
        <source>The file &apos;{path}&apos; is saved as UTF-16; open it in a text editor and save it as UTF-8.</source>
        <translation>文件“{path}”以 UTF-16 保存；请用文本编辑器打开它，并另存为 UTF-8。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; should name two files joined by one &apos;|&apos;, for example tsv:train.en|train.fr.</source>
        <translation>“{text}”应当是用一个“|”连接的两个文件名，例如 tsv:train.en|train.fr。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder, not a file; choose the text file that holds your sentence pairs.</source>
        <translation>“{path}”是文件夹，不是文件；请选择存放句子对的文本文件。</translation>
    </message>
    <message>
        <source>{count:,} sentence pairs were left out because a side was longer than {limit:,} characters (the maximum length).</source>
        <translation>有 {count:,} 个句子对被略去，因为其中一边超过了 {limit:,} 个字符（最大长度）。</translation>
    </message>
    <message>
        <source>&apos;{first}&apos; and &apos;{second}&apos; hold no sentences, only blank lines; write one sentence pair per line.</source>
        <translation>“{first}”和“{second}”中没有句子，只有空行；请每行写一个句子对。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; holds no sentences, only blank lines; write one sentence pair per line.</source>
        <translation>“{path}”中没有句子，只有空行；请每行写一个句子对。</translation>
    </message>
    <message>
        <source>&apos;{first}&apos; and &apos;{second}&apos; are not UTF-8 text; open them in a text editor and save with the UTF-8 encoding.</source>
        <translation>“{first}”和“{second}”不是 UTF-8 文本；请用文本编辑器打开它们，并以 UTF-8 编码保存。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not UTF-8 text; open it in a text editor and save with the UTF-8 encoding.</source>
        <translation>“{path}”不是 UTF-8 文本；请用文本编辑器打开它，并以 UTF-8 编码保存。</translation>
    </message>
    <message>
        <source>No line of &apos;{path}&apos; has a sentence and its translation separated by a tab; write one pair per line as: sentence, tab, translation (or give two files as tsv:A|B).</source>
        <translation>“{path}”中没有一行是用制表符隔开的句子和译文；请每行写一个句子对，格式为：句子、制表符、译文（或者用 tsv:A|B 指定两个文件）。</translation>
    </message>
    <message>
        <source>an image classifier</source>
        <translation>图像分类模型</translation>
    </message>
    <message>
        <source>a picture generator (GAN)</source>
        <translation>图片生成器（GAN）</translation>
    </message>
    <message>
        <source>a translator</source>
        <translation>翻译模型</translation>
    </message>
    <message>
        <source>a text generator</source>
        <translation>文本生成模型</translation>
    </message>
    <message>
        <source>a &apos;{task}&apos; model</source>
        <translation>“{task}”模型</translation>
    </message>
    <message>
        <source>The model could not be saved to &apos;{path}&apos; ({reason}).</source>
        <translation>无法把模型保存到“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>This model could not be exported to ONNX; details are in the log file.</source>
        <translation>无法把这个模型导出为 ONNX；详细信息见日志文件。</translation>
    </message>
    <message>
        <source>The generator could not be saved to &apos;{path}&apos; ({reason}).</source>
        <translation>无法把生成器保存到“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>This generator could not be exported to ONNX; details are in the log file.</source>
        <translation>无法把这个生成器导出为 ONNX；详细信息见日志文件。</translation>
    </message>
    <message>
        <source>The translator could not be saved to &apos;{path}&apos; ({reason}).</source>
        <translation>无法把翻译模型保存到“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>This translator could not be exported to ONNX; details are in the log file.</source>
        <translation>无法把这个翻译模型导出为 ONNX；详细信息见日志文件。</translation>
    </message>
    <message>
        <source>The text generator could not be saved to &apos;{path}&apos; ({reason}).</source>
        <translation>无法把文本生成模型保存到“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>This text generator could not be exported to ONNX; details are in the log file.</source>
        <translation>无法把这个文本生成模型导出为 ONNX；详细信息见日志文件。</translation>
    </message>
    <message>
        <source>The exported model does not reproduce the trained one (largest difference {diff:.3g}); the file was not saved. Please report this problem.</source>
        <translation>导出的模型与训练好的模型结果不一致（最大差异 {diff:.3g}）；文件没有保存。请报告这个问题。</translation>
    </message>
    <message>
        <source>The exported generator does not reproduce the trained one (largest difference {diff:.3g}); the file was not saved. Please report this problem.</source>
        <translation>导出的生成器与训练好的生成器结果不一致（最大差异 {diff:.3g}）；文件没有保存。请报告这个问题。</translation>
    </message>
    <message>
        <source>The exported translator does not reproduce the trained one (largest logit difference {diff:.3g}); the file was not saved. Please report this problem.</source>
        <translation>导出的翻译模型与训练好的翻译模型结果不一致（logit 最大差异 {diff:.3g}）；文件没有保存。请报告这个问题。</translation>
    </message>
    <message>
        <source>The exported text generator does not reproduce the trained one (largest difference {diff:.3g}); the file was not saved. Please report this problem.</source>
        <translation>导出的文本生成模型与训练好的文本生成模型结果不一致（最大差异 {diff:.3g}）；文件没有保存。请报告这个问题。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is too large to open safely.</source>
        <translation>“{name}”太大，无法安全打开。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; does not exist.</source>
        <translation>“{path}”不存在。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an image ModelDesk can read.</source>
        <translation>“{name}”不是 ModelDesk 能读取的图片。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; could not be read; the file may be damaged ({reason}).</source>
        <translation>无法读取“{name}”，文件可能已损坏（{reason}）。</translation>
    </message>
    <message>
        <source>The picture could not be saved to &apos;{path}&apos; ({reason}).</source>
        <translation>无法把图片保存到“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {width}x{height} pixels, too large to open safely.</source>
        <translation>“{name}”有 {width}x{height} 像素，太大，无法安全打开。</translation>
    </message>
    <message>
        <source>grayscale (1-channel)</source>
        <translation>灰度（单通道）</translation>
    </message>
    <message>
        <source>colour (3-channel)</source>
        <translation>彩色（3 通道）</translation>
    </message>
    <message>
        <source>{channels}-channel</source>
        <translation>{channels} 通道</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a value range ModelDesk knows; choose one of {choices}.</source>
        <translation>“{name}”不是 ModelDesk 认识的像素值范围；请从 {choices} 中选一个。</translation>
    </message>
    <message>
        <source>Images have 1 (grayscale) or 3 (colour) channels, not {channels}.</source>
        <translation>图片的通道数是 1（灰度）或 3（彩色），不能是 {channels}。</translation>
    </message>
    <message>
        <source>The labels file &apos;{name}&apos; has no labels in it.</source>
        <translation>标签文件“{name}”里没有任何标签。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {count} inputs, but an image classifier takes only images.</source>
        <translation>“{name}”需要 {count} 个输入，但图像分类模型只接收图片。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an image classifier: it does not take a batch of images as input.</source>
        <translation>“{name}”不是图像分类模型：它的输入不是一批图片。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an image classifier: it does not give one score per class.</source>
        <translation>“{name}”不是图像分类模型：它不会为每个类别给出一个分数。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {what}, not an image classifier.</source>
        <translation>“{name}”是{what}，不是图像分类模型。</translation>
    </message>
    <message>
        <source>This model does not say whether it wants colour or grayscale images; ModelDesk uses colour.</source>
        <translation>这个模型没有说明需要彩色还是灰度图片；ModelDesk 使用彩色。</translation>
    </message>
    <message>
        <source>This model accepts any image size; ModelDesk uses {height} x {width} pixels. Set the size the model was trained on if results look wrong.</source>
        <translation>这个模型接受任意尺寸的图片；ModelDesk 使用 {height} x {width} 像素。如果结果看起来不对，请设置模型训练时用的尺寸。</translation>
    </message>
    <message>
        <source>This model does not say how it expects pixel values; ModelDesk scales them to 0..1. Choose another value range if results look wrong.</source>
        <translation>这个模型没有说明它需要怎样的像素值；ModelDesk 把像素值缩放到 0..1。如果结果看起来不对，请换一个像素值范围。</translation>
    </message>
    <message>
        <source>This model takes {wanted} images, not {given} ones.</source>
        <translation>这个模型需要{wanted}图片，而不是{given}图片。</translation>
    </message>
    <message>
        <source>This model takes images of {fixed_height} x {fixed_width} pixels, not {height} x {width}.</source>
        <translation>这个模型需要 {fixed_height} x {fixed_width} 像素的图片，而不是 {height} x {width}。</translation>
    </message>
    <message>
        <source>There are {labels} labels but the model gives {scores} scores; give exactly one label per class.</source>
        <translation>有 {labels} 个标签，但模型给出 {scores} 个分数；请为每个类别正好提供一个标签。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; only takes {count:,} pictures at a time, which needs {size:,.0f} GB of memory for every batch, so ModelDesk cannot run it.</source>
        <translation>“{name}”每次只接收 {count:,} 张图片，每批需要 {size:,.0f} GB 内存，因此 ModelDesk 无法运行它。</translation>
    </message>
    <message>
        <source>The labels file &apos;{path}&apos; does not exist.</source>
        <translation>标签文件“{path}”不存在。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a folder; the labels file must be a text file with one label per line.</source>
        <translation>“{name}”是文件夹；标签文件必须是每行一个标签的文本文件。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a text file; the labels file must have one label per line.</source>
        <translation>“{name}”不是文本文件；标签文件必须每行一个标签。</translation>
    </message>
    <message>
        <source>The labels file &apos;{name}&apos; could not be read ({reason}).</source>
        <translation>无法读取标签文件“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>The image size must be positive, not {height} x {width}.</source>
        <translation>图片尺寸必须大于零，不能是 {height} x {width}。</translation>
    </message>
    <message>
        <source>Pictures of {height:,} x {width:,} pixels are more than ModelDesk can feed a model (at most {millions} million pixels).</source>
        <translation>{height:,} x {width:,} 像素的图片超出了 ModelDesk 能交给模型的大小（最多 {millions} 百万像素）。</translation>
    </message>
    <message>
        <source>The layout must be nchw or nhwc, not &apos;{layout}&apos;.</source>
        <translation>布局必须是 nchw 或 nhwc，不能是“{layout}”。</translation>
    </message>
    <message>
        <source>Give one mean value or one per channel ({channels}), not {count}.</source>
        <translation>请给出一个均值，或每个通道一个（{channels} 个），而不是 {count} 个。</translation>
    </message>
    <message>
        <source>Give one std value or one per channel ({channels}), not {count}.</source>
        <translation>请给出一个标准差（std），或每个通道一个（{channels} 个），而不是 {count} 个。</translation>
    </message>
    <message>
        <source>Every std value must be greater than zero.</source>
        <translation>每个标准差（std）都必须大于零。</translation>
    </message>
    <message>
        <source>The ModelDesk settings stored in this model could not be read, so they were guessed from the model.</source>
        <translation>无法读取这个模型里保存的 ModelDesk 设置，所以这些设置是根据模型推测的。</translation>
    </message>
    <message>
        <source>ModelDesk can only classify pictures given as pixel arrays or images.</source>
        <translation>ModelDesk 只能对以像素数组或图片形式给出的图片分类。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not give one row of scores per image, so it is not an image classifier ModelDesk can run.</source>
        <translation>“{name}”没有为每张图片给出一行分数，所以它不是 ModelDesk 能运行的图像分类模型。</translation>
    </message>
    <message>
        <source>Ask for at least one label per image.</source>
        <translation>每张图片至少要求一个标签。</translation>
    </message>
    <message>
        <source>The batch size must be at least 1.</source>
        <translation>批大小至少为 1。</translation>
    </message>
    <message>
        <source>The model gave no usable scores for this image.</source>
        <translation>模型没有为这张图片给出可用的分数。</translation>
    </message>
    <message>
        <source>ModelDesk could not tell where this model expects the colour channels; it assumes channels first (nchw).</source>
        <translation>ModelDesk 无法判断这个模型要求颜色通道放在哪里；假定通道在前（nchw）。</translation>
    </message>
    <message>
        <source>Images must have 8-bit pixel values (0 to 255).</source>
        <translation>图片的像素值必须是 8 位（0 到 255）。</translation>
    </message>
    <message>
        <source>An image must have 1, 3 or 4 colour channels.</source>
        <translation>图片必须有 1、3 或 4 个颜色通道。</translation>
    </message>
    <message>
        <source>the given paths</source>
        <translation>所给的路径</translation>
    </message>
    <message>
        <source>No images found in {names}; ModelDesk reads {formats} files.</source>
        <translation>在{names}中没有找到图片；ModelDesk 能读取 {formats} 文件。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; does not exist; check the name and the folder.</source>
        <translation>“{path}”不存在；请检查名称和文件夹。</translation>
    </message>
    <message>
        <source>ModelDesk can only explain pictures given as pixel arrays or images.</source>
        <translation>ModelDesk 只能解释以像素数组或图片形式给出的图片。</translation>
    </message>
    <message>
        <source>The covering square must be at least 1 pixel wide, not {patch}.</source>
        <translation>遮挡方块至少要 1 像素宽，不能是 {patch}。</translation>
    </message>
    <message>
        <source>The covering square must move by at least 1 pixel, not {stride}.</source>
        <translation>遮挡方块每次至少要移动 1 像素，不能是 {stride}。</translation>
    </message>
    <message>
        <source>The model knows {count} classes (0 to {last}); class {target} is not one of them.</source>
        <translation>模型认识 {count} 个类别（0 到 {last}）；类别 {target} 不在其中。</translation>
    </message>
    <message>
        <source>This model cannot draw &apos;{value}&apos;. Choose one of its classes: {classes}.</source>
        <translation>这个模型画不出“{value}”。请从它的类别中选一个：{classes}。</translation>
    </message>
    <message>
        <source>This model does not say what range its pictures use; ModelDesk assumes -1 to 1 (the DCGAN convention).</source>
        <translation>这个模型没有说明它的图片用什么数值范围；ModelDesk 假定为 -1 到 1（DCGAN 的惯例）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {what}, not a picture generator.</source>
        <translation>“{name}”是{what}，不是图片生成器。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a picture generator ModelDesk can use: it should take noise (N, size) and give pictures (N, channels, height, width).</source>
        <translation>“{name}”不是 ModelDesk 能使用的图片生成器：它应该接收噪声 (N, size)，并给出图片 (N, channels, height, width)。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; declares sizes far larger than any picture generator (noise of {latent:,} numbers, pictures of {height:,} x {width:,}), so ModelDesk will not run it.</source>
        <translation>“{name}”声明的尺寸远大于任何图片生成器（噪声有 {latent:,} 个数，图片为 {height:,} x {width:,}），因此 ModelDesk 不会运行它。</translation>
    </message>
    <message>
        <source>The noise must have {count} numbers per picture.</source>
        <translation>每张图片的噪声必须有 {count} 个数。</translation>
    </message>
    <message>
        <source>Ask for at most {limit} pictures at a time.</source>
        <translation>一次最多只能要 {limit} 张图片。</translation>
    </message>
    <message>
        <source>Ask for between 1 and {limit} pictures.</source>
        <translation>请要 1 到 {limit} 张图片。</translation>
    </message>
    <message>
        <source>Choose a class between 0 and {last}.</source>
        <translation>请选择 0 到 {last} 之间的一个类别。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not match its own description (inputs); the file is damaged.</source>
        <translation>“{name}”与它自己的描述（输入）不符；文件已损坏。</translation>
    </message>
    <message>
        <source>This model draws a chosen class: say which one.</source>
        <translation>这个模型画的是指定的类别：请说明要哪一个。</translation>
    </message>
    <message>
        <source>Choose classes between 0 and {last}.</source>
        <translation>请选择 0 到 {last} 之间的类别。</translation>
    </message>
    <message>
        <source>The generator settings stored in &apos;{name}&apos; are damaged, so it cannot be used.</source>
        <translation>“{name}”里保存的生成器设置已损坏，因此无法使用。</translation>
    </message>
    <message>
        <source>ONNX Runtime reported a problem with it (the details are in the log file)</source>
        <translation>ONNX Runtime 报告它有问题（详情见日志文件）</translation>
    </message>
    <message>
        <source>there is not enough memory to load it</source>
        <translation>内存不足，无法加载它</translation>
    </message>
    <message>
        <source>the file is damaged or is not an ONNX model</source>
        <translation>文件已损坏，或者不是 ONNX 模型</translation>
    </message>
    <message>
        <source>it uses an operation or an ONNX version that this version of ONNX Runtime cannot run</source>
        <translation>它用到了当前版本的 ONNX Runtime 无法运行的运算或 ONNX 版本</translation>
    </message>
    <message>
        <source>a file it needs is missing</source>
        <translation>缺少它需要的文件</translation>
    </message>
    <message>
        <source>The model file &apos;{path}&apos; does not exist; check the name and the folder.</source>
        <translation>模型文件“{path}”不存在；请检查名称和文件夹。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a folder, not a model file; choose the .onnx file inside it.</source>
        <translation>“{name}”是文件夹，不是模型文件；请选择里面的 .onnx 文件。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is empty; it may not have finished downloading or copying.</source>
        <translation>“{name}”是空的；它可能还没有下载或复制完。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is only a Git LFS pointer, not the model itself; download the real file (for example with &apos;git lfs pull&apos;) and try again.</source>
        <translation>“{name}”只是一个 Git LFS 指针，不是模型本身；请下载真正的文件（例如用 &apos;git lfs pull&apos;）后再试。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is an archive (such as a PyTorch checkpoint), not an ONNX model; export the model to ONNX first.</source>
        <translation>“{name}”是一个压缩包（例如 PyTorch 检查点），不是 ONNX 模型；请先把模型导出为 ONNX。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a text file, not an ONNX model; choose a model file exported to ONNX.</source>
        <translation>“{name}”是文本文件，不是 ONNX 模型；请选择导出为 ONNX 的模型文件。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; contains no model graph, so it is not an ONNX model ModelDesk can run.</source>
        <translation>“{name}”里没有模型计算图，所以它不是 ModelDesk 能运行的 ONNX 模型。</translation>
    </message>
    <message>
        <source>ModelDesk is not allowed to read &apos;{name}&apos;; check the file&apos;s permissions.</source>
        <translation>ModelDesk 没有读取“{name}”的权限；请检查文件的权限。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; could not be read ({reason}).</source>
        <translation>无法读取“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; refers to a separate data file without naming it; the model file is damaged.</source>
        <translation>“{name}”引用了一个单独的数据文件，却没有给出它的名称；模型文件已损坏。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; refers to a data file outside its own folder (&apos;{location}&apos;); ModelDesk only reads data files kept next to the model.</source>
        <translation>“{name}”引用了它所在文件夹之外的数据文件（“{location}”）；ModelDesk 只读取与模型放在一起的数据文件。</translation>
    </message>
    <message>
        <source>The data file &apos;{location}&apos; that belongs to &apos;{name}&apos; is incomplete; copy or download it again.</source>
        <translation>属于“{name}”的数据文件“{location}”不完整；请重新复制或下载。</translation>
    </message>
    <message>
        <source>There is not enough memory to open &apos;{name}&apos;.</source>
        <translation>内存不足，无法打开“{name}”。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is damaged or incomplete and cannot be read as an ONNX model; copy or download it again.</source>
        <translation>“{name}”已损坏或不完整，无法作为 ONNX 模型读取；请重新复制或下载。</translation>
    </message>
    <message>
        <source>ModelDesk could not open the model &apos;{name}&apos;: {reason}.</source>
        <translation>ModelDesk 无法打开模型“{name}”：{reason}。</translation>
    </message>
    <message>
        <source>The description stored in &apos;{name}&apos; is damaged, so the model cannot be used.</source>
        <translation>“{name}”里保存的描述已损坏，因此无法使用这个模型。</translation>
    </message>
    <message>
        <source>The data file &apos;{location}&apos; that belongs to &apos;{name}&apos; is missing; keep it in the same folder as the model.</source>
        <translation>缺少属于“{name}”的数据文件“{location}”；请把它和模型放在同一个文件夹里。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; describes its data file &apos;{location}&apos; wrongly; the model file is damaged.</source>
        <translation>“{name}”对它的数据文件“{location}”描述有误；模型文件已损坏。</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not a device ModelDesk knows; choose auto, cpu or cuda.</source>
        <translation>“{device}”不是 ModelDesk 认识的设备；请选择 auto、cpu 或 cuda。</translation>
    </message>
    <message>
        <source>This computer has no NVIDIA graphics card that ModelDesk can use; choose the CPU instead.</source>
        <translation>这台电脑没有 ModelDesk 能使用的 NVIDIA 显卡；请改用 CPU。</translation>
    </message>
    <message>
        <source>The graphics card could not be used to run this model; choose the CPU instead.</source>
        <translation>无法用显卡运行这个模型；请改用 CPU。</translation>
    </message>
    <message>
        <source>The vocabulary stored in &apos;{name}&apos; is not a list of characters; the file is damaged.</source>
        <translation>“{name}”里保存的词表不是字符列表；文件已损坏。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not match its own description (inputs and outputs); the file is damaged.</source>
        <translation>“{name}”与它自己的描述（输入和输出）不符；文件已损坏。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a ModelDesk text generator; only text generators made with ModelDesk can write text (they carry their characters).</source>
        <translation>“{name}”不是 ModelDesk 文本生成模型；只有用 ModelDesk 制作的文本生成模型才能写文字（它们带有自己的字符表）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {what}; only text generators made with ModelDesk can write text (they carry their characters).</source>
        <translation>“{name}”是{what}；只有用 ModelDesk 制作的文本生成模型才能写文字（它们带有自己的字符表）。</translation>
    </message>
    <message>
        <source>The text generator settings stored in &apos;{name}&apos; are damaged, so it cannot be used.</source>
        <translation>“{name}”里保存的文本生成模型设置已损坏，因此无法使用。</translation>
    </message>
    <message>
        <source>&apos;{wanted}&apos; is not a way of decoding; choose one of {choices}.</source>
        <translation>“{wanted}”不是一种解码方式；请从 {choices} 中选一个。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was exported without a decoder cache; export it again with this version of ModelDesk to translate faster.</source>
        <translation>“{name}”导出时没有带解码器缓存；请用这个版本的 ModelDesk 重新导出，翻译会更快。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was made by a newer version of ModelDesk; update ModelDesk to use it.</source>
        <translation>“{name}”是由更新版本的 ModelDesk 制作的；请更新 ModelDesk 后再使用。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a ModelDesk translator; only translators made with ModelDesk can translate (they carry their vocabularies).</source>
        <translation>“{name}”不是 ModelDesk 翻译模型；只有用 ModelDesk 制作的翻译模型才能翻译（它们带有自己的词表）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {what}; only translators made with ModelDesk can translate (they carry their vocabularies).</source>
        <translation>“{name}”是{what}；只有用 ModelDesk 制作的翻译模型才能翻译（它们带有自己的词表）。</translation>
    </message>
    <message>
        <source>The beam size must be between 1 and {limit}.</source>
        <translation>搜索宽度必须在 1 到 {limit} 之间。</translation>
    </message>
    <message>
        <source>That is too long to translate at once ({count:,} characters); give at most {limit:,} characters per sentence.</source>
        <translation>这段文字太长，无法一次翻译（{count:,} 个字符）；每句最多 {limit:,} 个字符。</translation>
    </message>
    <message>
        <source>The translator settings stored in &apos;{name}&apos; are damaged, so it cannot be used.</source>
        <translation>“{name}”里保存的翻译模型设置已损坏，因此无法使用。</translation>
    </message>
    <message>
        <source>There is no model called &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>没有名为“{name}”的模型。请从以下模型中选择：{choices}。</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <source>validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>picture size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <source>tokeniser</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>sentence options</source>
        <translation>句子选项</translation>
    </message>
    <message>
        <source>sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>mixed precision</source>
        <translation>混合精度</translation>
    </message>
    <message>
        <source>data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>recognised samples</source>
        <translation>可识别的样本</translation>
    </message>
    <message>
        <source>discriminator loss</source>
        <translation>裁判损失</translation>
    </message>
    <message>
        <source>generator loss</source>
        <translation>生成器损失</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>validation perplexity</source>
        <translation>验证困惑度</translation>
    </message>
    <message>
        <source>perplexity {value:.2f}</source>
        <translation>困惑度 {value:.2f}</translation>
    </message>
    <message>
        <source>BLEU {score:.1f}</source>
        <translation>BLEU {score:.1f}</translation>
    </message>
    <message>
        <source>{share:.1f}% accuracy</source>
        <translation>准确率 {share:.1f}%</translation>
    </message>
    <message>
        <source>{share:.1f}% recognised</source>
        <translation>可识别 {share:.1f}%</translation>
    </message>
    <message>
        <source>{share:.1f}% exact</source>
        <translation>完全正确 {share:.1f}%</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>批大小 {size}</translation>
    </message>
    <message>
        <source>lr {rate:g}</source>
        <translation>学习率 {rate:g}</translation>
    </message>
    <message>
        <source>{count} epoch</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>There is no run called &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的运行。</translation>
    </message>
    <message>
        <source>This run is still training; stop it before deleting it.</source>
        <translation>这次运行仍在训练；请先停止它再删除。</translation>
    </message>
    <message>
        <source>The runs folder &apos;{path}&apos; cannot be created ({reason}).</source>
        <translation>无法创建运行记录文件夹“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>This run is being trained by another window or process; wait until it ends.</source>
        <translation>这次运行正由另一个窗口或进程训练；请等它结束。</translation>
    </message>
    <message>
        <source>The run folder &apos;{name}&apos; could not be deleted ({reason}); close any program using it and try again.</source>
        <translation>无法删除运行文件夹“{name}”（{reason}）；请关闭正在使用它的程序后再试。</translation>
    </message>
    <message>
        <source>The length must be between 0 and {limit:,} characters.</source>
        <translation>长度必须在 0 到 {limit:,} 个字符之间。</translation>
    </message>
    <message>
        <source>The temperature must be between 0 (always the likeliest character) and {limit:g} (0.8 is a good start).</source>
        <translation>温度必须在 0（总是选最可能的字符）到 {limit:g} 之间（0.8 是不错的起点）。</translation>
    </message>
    <message>
        <source>Top-k must be 0 (no limit) or a positive number of characters to choose from.</source>
        <translation>Top-k 必须为 0（不限制），或是一个正数，表示从多少个字符中选择。</translation>
    </message>
    <message>
        <source>Unknown tokeniser &apos;{name}&apos;. Choose one of: {names}.</source>
        <translation>未知的分词器“{name}”。请从以下选项中选择：{names}。</translation>
    </message>
    <message>
        <source>The stored vocabulary is of an unknown kind (&apos;{kind}&apos;); a newer ModelDesk may be needed.</source>
        <translation>保存的词表类型未知（“{kind}”）；可能需要更新版本的 ModelDesk。</translation>
    </message>
    <message>
        <source>There is no text to learn a vocabulary from.</source>
        <translation>没有可用来学习词表的文本。</translation>
    </message>
    <message>
        <source>The stored vocabulary is damaged, so this model cannot be used.</source>
        <translation>保存的词表已损坏，因此无法使用这个模型。</translation>
    </message>
    <message>
        <source>A vocabulary could not be learned from this text; try the character tokeniser.</source>
        <translation>无法从这段文本学到词表；请试试字符分词器。</translation>
    </message>
    <message>
        <source>The checkpoint &apos;{path}&apos; does not exist.</source>
        <translation>检查点“{path}”不存在。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a ModelDesk checkpoint.</source>
        <translation>“{name}”不是 ModelDesk 的检查点。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was refused: it contains program code, not just model weights, and could be unsafe to open.</source>
        <translation>已拒绝打开“{name}”：它包含程序代码，而不只是模型权重，打开可能不安全。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a readable checkpoint; the file may be damaged.</source>
        <translation>“{name}”不是可读取的检查点；文件可能已损坏。</translation>
    </message>
    <message>
        <source>sentence pairs</source>
        <translation>句子对</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>Unknown task &apos;{task}&apos;. Choose one of: {choices}.</source>
        <translation>未知的任务“{task}”。请从以下任务中选择：{choices}。</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>The dataset &apos;{dataset}&apos; holds {what}, which cannot train the task &apos;{task}&apos;. Choose a {tasks} task, or another dataset.</source>
        <translation>数据集“{dataset}”包含的是{what}，无法用于训练“{task}”任务。请选择 {tasks} 任务，或换一个数据集。</translation>
    </message>
    <message>
        <source>The number of epochs must be between 1 and 10,000.</source>
        <translation>轮次数必须在 1 到 10,000 之间。</translation>
    </message>
    <message>
        <source>The batch size must be between 1 and 65,536.</source>
        <translation>批大小必须在 1 到 65,536 之间。</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number below 10 (try 0.001).</source>
        <translation>学习率必须是小于 10 的正数（可以试试 0.001）。</translation>
    </message>
    <message>
        <source>Unknown optimizer &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>未知的优化器“{name}”。请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Unknown learning-rate schedule &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>未知的学习率调度方式“{name}”。请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Unknown augmentation &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>未知的数据增强方式“{name}”。请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Unknown device &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>未知的设备“{name}”。请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>The validation share must be between 0 and 0.9 (0.2 keeps one image in five aside).</source>
        <translation>验证集比例必须在 0 到 0.9 之间（0.2 表示每五张图片留出一张）。</translation>
    </message>
    <message>
        <source>Weight decay cannot be negative.</source>
        <translation>权重衰减不能为负数。</translation>
    </message>
    <message>
        <source>Unknown tokeniser &apos;{name}&apos;. Choose one of: {choices}.</source>
        <translation>未知的分词器“{name}”。请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Label smoothing must be between 0 and 1 (0.1 is usual).</source>
        <translation>标签平滑必须在 0 到 1 之间（通常为 0.1）。</translation>
    </message>
    <message>
        <source>Unknown reading option(s) {names}; known: {known}.</source>
        <translation>未知的读取选项：{names}；可用的选项：{known}。</translation>
    </message>
    <message>
        <source>The sequence length must be between 2 and {limit:,} characters (100 is usual).</source>
        <translation>序列长度必须在 2 到 {limit:,} 个字符之间（通常为 100）。</translation>
    </message>
    <message>
        <source>Early-stopping patience cannot be negative (0 turns it off).</source>
        <translation>提前停止的耐心值不能为负数（0 表示关闭提前停止）。</translation>
    </message>
    <message>
        <source>CPU ({count} threads)</source>
        <translation>CPU（{count} 个线程）</translation>
    </message>
    <message>
        <source>Apple GPU (MPS)</source>
        <translation>Apple GPU（MPS）</translation>
    </message>
    <message>
        <source>{device} x {count} processes</source>
        <translation>{device} × {count} 个进程</translation>
    </message>
    <message>
        <source>No working NVIDIA GPU was found; choose the CPU (--device cpu) or &apos;auto&apos;.</source>
        <translation>未找到可用的 NVIDIA GPU；请选择 CPU（--device cpu）或“auto”。</translation>
    </message>
    <message>
        <source>Apple GPU (MPS) is not available on this computer; choose the CPU or &apos;auto&apos;.</source>
        <translation>这台电脑上无法使用 Apple GPU（MPS）；请选择 CPU 或“auto”。</translation>
    </message>
    <message>
        <source>This process has rank {rank} of {world}, which cannot be; check the torchrun settings.</source>
        <translation>此进程的编号（rank）为 {rank}，进程总数为 {world}，这不可能成立；请检查 torchrun 的设置。</translation>
    </message>
    <message>
        <source>The torchrun settings RANK, WORLD_SIZE and LOCAL_RANK must be whole numbers.</source>
        <translation>torchrun 的设置 RANK、WORLD_SIZE 和 LOCAL_RANK 必须是整数。</translation>
    </message>
    <message>
        <source>This machine has {count} GPUs but torchrun started more processes than that; set --nproc_per_node to the number of GPUs.</source>
        <translation>这台机器有 {count} 个 GPU，但 torchrun 启动的进程比这更多；请把 --nproc_per_node 设为 GPU 的数量。</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Finished all {count} epochs.</source>
        <translation>已完成全部 {count} 个轮次。</translation>
    </message>
    <message>
        <source>Stopped by the user.</source>
        <translation>已由用户停止。</translation>
    </message>
    <message>
        <source>Training broke down: a loss became infinite or not a number. Lower the learning rate (for example divide it by 10) and start again.</source>
        <translation>训练中断：某个损失变成了无穷大或非数值。请降低学习率（例如除以 10）后重新开始。</translation>
    </message>
    <message>
        <source>Training the reference classifier that scores the samples (once per dataset)…</source>
        <translation>正在训练为样本打分的参考分类器（每个数据集只需一次）…</translation>
    </message>
    <message>
        <source>Reference classifier ready: {share:.1f}% accurate on held-out real pictures.</source>
        <translation>参考分类器已就绪：在留出的真实图片上准确率为 {share:.1f}%。</translation>
    </message>
    <message>
        <source>A GAN needs at least a few dozen pictures to learn from; this dataset has too few.</source>
        <translation>GAN 至少需要几十张图片才能学习；这个数据集的图片太少。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a GAN. Choose dcgan or dcgan-conditional for this task.</source>
        <translation>“{name}”不是 GAN。此任务请选择 dcgan 或 dcgan-conditional。</translation>
    </message>
    <message>
        <source>This checkpoint was trained on different classes than the chosen dataset, so it cannot be resumed here.</source>
        <translation>这个检查点训练时用的类别与所选数据集不同，因此无法在这里继续训练。</translation>
    </message>
    <message>
        <source>Training failed because of an internal error.</source>
        <translation>由于内部错误，训练失败。</translation>
    </message>
    <message>
        <source>The GPU ran out of memory. Choose a smaller batch size (for example half) and start again.</source>
        <translation>GPU 内存不足。请选择更小的批大小（例如减半）后重新开始。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a training job file: it names no dataset and model.</source>
        <translation>“{name}”不是训练任务文件：其中没有指定数据集和模型。</translation>
    </message>
    <message>
        <source>The job file &apos;{path}&apos; does not exist.</source>
        <translation>任务文件“{path}”不存在。</translation>
    </message>
    <message>
        <source>The job file &apos;{name}&apos; could not be read ({reason}).</source>
        <translation>无法读取任务文件“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a training job file: it is not JSON.</source>
        <translation>“{name}”不是训练任务文件：它不是 JSON 格式。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was written by a newer ModelDesk; update ModelDesk to run it.</source>
        <translation>“{name}”由更新版本的 ModelDesk 写入；请更新 ModelDesk 后再运行。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a training job file ModelDesk can read.</source>
        <translation>“{name}”不是 ModelDesk 能读取的训练任务文件。</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <source>Stopped early: the validation loss did not improve for {count} epochs.</source>
        <translation>已提前停止：验证损失连续 {count} 个轮次没有改善。</translation>
    </message>
    <message>
        <source>Training broke down: the loss became infinite or not a number. Lower the learning rate (for example divide it by 10) and start again.</source>
        <translation>训练中断：损失变成了无穷大或非数值。请降低学习率（例如除以 10）后重新开始。</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>The task &apos;{task}&apos; is not available for this command; use --task classify.</source>
        <translation>此命令不支持任务“{task}”；请使用 --task classify。</translation>
    </message>
    <message>
        <source>There are too few images to train and validate; add more images to each class.</source>
        <translation>图片太少，无法训练和验证；请为每个类别添加更多图片。</translation>
    </message>
    <message>
        <source>Training needs images of at least two classes.</source>
        <translation>训练至少需要两个类别的图片。</translation>
    </message>
    <message>
        <source>A text generator needs at least {limit:,} characters to learn from; this text has {count:,}.</source>
        <translation>文本生成模型至少需要 {limit:,} 个字符才能学习；这段文本只有 {count:,} 个字符。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a text generator. Choose {names} for this task.</source>
        <translation>“{name}”不是文本生成模型。此任务请选择 {names}。</translation>
    </message>
    <message>
        <source>The dataset &apos;{dataset}&apos; is not plain text; choose fables or text:PATH.</source>
        <translation>数据集“{dataset}”不是纯文本；请选择 fables 或 text:PATH。</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Exporting the text generator to ONNX and checking it against PyTorch…</source>
        <translation>正在将文本生成模型导出为 ONNX，并与 PyTorch 的结果核对…</translation>
    </message>
    <message>
        <source>A translator needs at least 10 sentence pairs to learn from; &apos;{name}&apos; has {count}.</source>
        <translation>翻译模型至少需要 10 个句子对才能学习；“{name}”只有 {count} 个。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a translator. Choose transformer-small or gru-attention for this task.</source>
        <translation>“{name}”不是翻译模型。此任务请选择 transformer-small 或 gru-attention。</translation>
    </message>
    <message>
        <source>The dataset &apos;{dataset}&apos; holds pictures, not sentence pairs; choose numbers:en-fr or tsv:PATH.</source>
        <translation>数据集“{dataset}”包含的是图片，而不是句子对；请选择 numbers:en-fr 或 tsv:PATH。</translation>
    </message>
    <message>
        <source>Learning the vocabularies ({tokenizer}) from {count:,} sentence pairs…</source>
        <translation>正在从 {count:,} 个句子对中学习词表（{tokenizer}）…</translation>
    </message>
    <message>
        <source>Translating the {count:,} held-out test sentences…</source>
        <translation>正在翻译留出的 {count:,} 个测试句子…</translation>
    </message>
    <message>
        <source>Exporting the translator to ONNX and checking it against PyTorch…</source>
        <translation>正在将翻译模型导出为 ONNX，并与 PyTorch 的结果核对…</translation>
    </message>
</context>
<context>
    <name>EpochPlots</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>EvaluatePage</name>
    <message>
        <source>Train a model to see how well it does.</source>
        <translation>训练一个模型，看看它表现如何。</translation>
    </message>
    <message>
        <source>After training, this page shows the share of validation pictures the model gets right, which classes it mixes up, the pictures it got wrong, and lets you export the model to ONNX.</source>
        <translation>训练之后，这一页会显示模型答对的验证图片比例、它把哪些类别弄混了、它答错的图片，还可以把模型导出为 ONNX。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1 分数</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片数</translation>
    </message>
    <message>
        <source>The class (the kind of picture).</source>
        <translation>类别（图片的种类）。</translation>
    </message>
    <message>
        <source>Precision: of the pictures the model called this class, the share that really were this class.
Low precision means the model says this class too often.</source>
        <translation>精确率：在模型判为这个类别的图片中，真正属于这个类别的比例。
精确率低说明模型太常给出这个类别。</translation>
    </message>
    <message>
        <source>Recall: of the pictures that really are this class, the share the model found.
Low recall means the model often misses this class.</source>
        <translation>召回率：在真正属于这个类别的图片中，被模型找出来的比例。
召回率低说明模型经常漏掉这个类别。</translation>
    </message>
    <message>
        <source>F1: one number combining precision and recall (100% is perfect). Sort by it to find the weakest classes.</source>
        <translation>F1 分数：把精确率和召回率合成的一个数（100% 为完美）。按它排序可以找出最弱的类别。</translation>
    </message>
    <message>
        <source>How many validation pictures of this class there are. Scores on few pictures are less reliable.</source>
        <translation>这个类别有多少张验证图片。图片很少时，得分不太可靠。</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>held out from train</source>
        <translation>从训练数据中预留</translation>
    </message>
    <message>
        <source>How well does the model do?</source>
        <translation>模型表现如何？</translation>
    </message>
    <message>
        <source>&amp;Export to ONNX…</source>
        <translation>导出为 ONNX(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the trained model as an .onnx file that the Playground and many other tools can run, with its labels and preprocessing inside.</source>
        <translation>把训练好的模型保存为 ONNX 文件（包含标签和预处理），试用场和许多其他工具都能运行它。</translation>
    </message>
    <message>
        <source>What the model confuses</source>
        <translation>模型容易混淆的内容</translation>
    </message>
    <message>
        <source>Each row is the true class, each column what the model answered; the diagonal is right. Click a square to see its pictures.</source>
        <translation>每一行是真实类别，每一列是模型的回答；对角线上是答对的。点击一个方格可查看其中的图片。</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Scores per class</source>
        <translation>各类别得分</translation>
    </message>
    <message>
        <source>Pictures in the chosen square</source>
        <translation>所选方格中的图片</translation>
    </message>
    <message>
        <source>Click a square of the matrix to see its pictures here.</source>
        <translation>点击矩阵中的一个方格，在这里查看其中的图片。</translation>
    </message>
    <message>
        <source>Most confident mistakes</source>
        <translation>最有把握的错误</translation>
    </message>
    <message>
        <source>Training ended before the first epoch finished, so there is nothing to evaluate yet.</source>
        <translation>训练在第一个轮次完成前就结束了，所以暂时没有可评估的内容。</translation>
    </message>
    <message>
        <source>The model gets &lt;b&gt;{share}&lt;/b&gt; of the {count} validation pictures right (pictures it never trained on).</source>
        <translation>模型答对了 &lt;b&gt;{share}&lt;/b&gt; 的验证图片（共 {count} 张，都是它从未训练过的图片）。</translation>
    </message>
    <message>
        <source>Validation accuracy {share} · loss {loss} · {epochs} epochs (best: epoch {best}) · validation pictures: {source} · {model} on {dataset} · trained for {duration} on {device}</source>
        <translation>验证准确率 {share} · 损失 {loss} · {epochs} 个轮次（最佳：第 {best} 轮）· 验证图片：{source} · {model}，数据集 {dataset} · 训练用时 {duration}，设备 {device}</translation>
    </message>
    <message>
        <source>Validation picture {index}: really &apos;{true}&apos;, the model said &apos;{said}&apos; ({sure} sure)</source>
        <translation>验证图片 {index}：实际是“{true}”，模型认为是“{said}”（把握 {sure}）</translation>
    </message>
    <message>
        <source>true {true} → {said}</source>
        <translation>真实 {true} → {said}</translation>
    </message>
    <message>
        <source>No mistakes: every validation picture was classified correctly.</source>
        <translation>没有错误：每张验证图片都分类正确。</translation>
    </message>
    <message>
        <source>{count} pictures were classified wrongly; here are the {shown} the model was most sure about.</source>
        <translation>有 {count} 张图片分类错误；这里列出模型最有把握的 {shown} 张。</translation>
    </message>
    <message>
        <source>{count} pictures were classified wrongly, the ones the model was most sure about first. Sure-but-wrong pictures are often mislabelled or odd.</source>
        <translation>有 {count} 张图片分类错误，模型最有把握的排在前面。很有把握却答错的图片，往往是标注有误或比较奇怪的图片。</translation>
    </message>
    <message>
        <source>{count} pictures of &apos;{true}&apos; answered as &apos;{said}&apos;. Click to see them.</source>
        <translation>{count} 张“{true}”的图片被答成了“{said}”。点击查看。</translation>
    </message>
    <message>
        <source>{count} image of &apos;{true}&apos; predicted as &apos;{said}&apos;</source>
        <translation>{count} 张“{true}”的图片被预测为“{said}”</translation>
    </message>
    <message>
        <source>{count} images of &apos;{true}&apos; predicted as &apos;{said}&apos;</source>
        <translation>{count} 张“{true}”的图片被预测为“{said}”</translation>
    </message>
    <message>
        <source> (right answers, least sure first)</source>
        <translation>（答对的，最没把握的排在前面）</translation>
    </message>
    <message>
        <source> (most sure first)</source>
        <translation>（最有把握的排在前面）</translation>
    </message>
    <message>
        <source>; showing the first {count}</source>
        <translation>；显示前 {count} 张</translation>
    </message>
    <message>
        <source>. The percentage is how sure the model was.</source>
        <translation>。百分比表示模型有多大把握。</translation>
    </message>
    <message>
        <source>Wait until training has finished, then export the model.</source>
        <translation>请等训练结束后再导出模型。</translation>
    </message>
    <message>
        <source>The model is being exported already.</source>
        <translation>模型已经在导出中。</translation>
    </message>
    <message>
        <source>Train a model first; then you can export it to ONNX.</source>
        <translation>请先训练一个模型，然后就可以把它导出为 ONNX。</translation>
    </message>
    <message>
        <source>Export the model to ONNX</source>
        <translation>将模型导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Saved to {path}. ONNX Runtime gives the same answers as PyTorch (largest difference {difference}).</source>
        <translation>已保存到 {path}。ONNX Runtime 给出的结果与 PyTorch 相同（最大差异 {difference}）。</translation>
    </message>
    <message>
        <source>Model exported to {path}</source>
        <translation>模型已导出到 {path}</translation>
    </message>
    <message>
        <source>The model was not exported.</source>
        <translation>模型未导出。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>GanTrainView</name>
    <message>
        <source>The generator (which draws) and the judge (the discriminator, which tells drawn pictures from real ones) train against each other.
Unlike other training, these losses do not keep going down: they should settle and stay roughly level. A judge loss near zero for a long time means the judge has won and the pictures stop improving.</source>
        <translation>生成器（负责画图）和裁判（即判别器，负责分辨画出来的图片和真实图片）相互对抗着训练。
与其他训练不同，这些损失不会一直下降：它们应当逐渐稳定，大致保持平稳。如果裁判的损失长时间接近零，说明裁判已经赢了，图片也不会再变好。</translation>
    </message>
    <message>
        <source>How real the judge finds real pictures, D(x), and generated pictures, D(G(z)): 1 means &apos;surely real&apos;, 0 &apos;surely drawn&apos;.
Early on the judge tells them apart easily; as the generator improves, the two lines move towards each other.</source>
        <translation>裁判认为真实图片 D(x) 和生成图片 D(G(z)) 有多真：1 表示“肯定是真的”，0 表示“肯定是画的”。
一开始裁判很容易把它们分开；随着生成器变好，两条线会相互靠近。</translation>
    </message>
    <message>
        <source>Recognised: the share of generated pictures that a separately trained classifier recognises with at least 90% confidence.
Classes present: how many of the dataset&apos;s classes appear among them (all of them means the generator does not draw just one kind of picture).
Drawn as asked (conditional model only): the share recognised as the class the generator was asked to draw.
The best epoch by these figures is the one kept and exported.</source>
        <translation>可识别：生成的图片中，被另外训练的分类器以至少 90% 的把握识别出来的比例。
出现的类别：其中出现了数据集中的多少个类别（全部出现说明生成器不会只画一种图片）。
按要求画出（仅限条件模型）：被识别为生成器被要求画的那个类别的比例。
按这些指标最佳的轮次会被保留并导出。</translation>
    </message>
    <message>
        <source>Pictures the generator draws from the same random numbers every time, so you can watch them change from noise into something like the dataset&apos;s pictures.</source>
        <translation>生成器每次都用同一组随机数画出的图片，你可以看着它们从杂乱的噪点逐渐变得像数据集里的图片。</translation>
    </message>
    <message>
        <source>Drag left to look at the pictures of earlier epochs; all the way right always shows the newest.</source>
        <translation>向左拖动可查看之前轮次的图片；拖到最右边总是显示最新的图片。</translation>
    </message>
    <message>
        <source>Loss: generator against judge</source>
        <translation>损失：生成器对抗裁判</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>How real the judge finds them</source>
        <translation>裁判觉得它们有多真</translation>
    </message>
    <message>
        <source>1 = surely real</source>
        <translation>1 = 肯定是真的</translation>
    </message>
    <message>
        <source>Quality of the pictures</source>
        <translation>图片质量</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>real pictures, D(x)</source>
        <translation>真实图片，D(x)</translation>
    </message>
    <message>
        <source>generated, D(G(z))</source>
        <translation>生成图片，D(G(z))</translation>
    </message>
    <message>
        <source>recognised</source>
        <translation>可识别</translation>
    </message>
    <message>
        <source>classes present</source>
        <translation>出现的类别</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Generated pictures</source>
        <translation>生成的图片</translation>
    </message>
    <message>
        <source>No pictures yet</source>
        <translation>还没有图片</translation>
    </message>
    <message>
        <source>drawn as asked</source>
        <translation>按要求画出</translation>
    </message>
    <message>
        <source>Epoch {epoch}: {recognised}% recognised · {coverage} of {classes} classes · {agreement}% as asked</source>
        <translation>第 {epoch} 轮：{recognised}% 可识别 · {coverage}/{classes} 个类别 · {agreement}% 按要求画出</translation>
    </message>
    <message>
        <source>Epoch {epoch}: {recognised}% recognised · {coverage} of {classes} classes</source>
        <translation>第 {epoch} 轮：{recognised}% 可识别 · {coverage}/{classes} 个类别</translation>
    </message>
    <message>
        <source>{epoch} (in progress)</source>
        <translation>{epoch}（进行中）</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · best</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 最佳</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮</translation>
    </message>
</context>
<context>
    <name>GeneratorPanel</name>
    <message>
        <source>This model is a picture generator: it draws new pictures and does not classify them, so open an image classifier to try your pictures.</source>
        <translation>这个模型是图像生成器：它会画出新图片，但不会给图片分类。想试试你的图片，请打开一个图像分类模型。</translation>
    </message>
    <message>
        <source>The seed picks the random starting points the model turns into pictures. The same seed always gives the same pictures, so you can show them again later.</source>
        <translation>种子决定模型把哪些随机起点画成图片。同一个种子总是画出同样的图片，所以以后可以再展示一遍。</translation>
    </message>
    <message>
        <source>How many pictures to draw at once.</source>
        <translation>一次画多少张图片。</translation>
    </message>
    <message>
        <source>Pick a new random seed and draw new pictures.</source>
        <translation>随机换一个新种子，画一批新图片。</translation>
    </message>
    <message>
        <source>Which class the model should draw. &apos;Every class&apos; draws each class in turn, one column per class.</source>
        <translation>让模型画哪个类别。“所有类别”会依次画出每个类别，每个类别占一列。</translation>
    </message>
    <message>
        <source>Save the grid of pictures as a PNG file, enlarged with sharp pixels so it stays crisp on a slide.</source>
        <translation>把这组图片保存为 PNG 文件，并以清晰的像素放大，放到幻灯片上也不会模糊。</translation>
    </message>
    <message>
        <source>Morphs smoothly from one drawing to another: the first picture of seed A slowly turns into the first picture of seed B, through drawings the model makes along the way.</source>
        <translation>从一幅画平滑地变成另一幅：种子 A 的第一张图片会经过模型沿途画出的图片，慢慢变成种子 B 的第一张图片。</translation>
    </message>
    <message>
        <source>The seed of the drawing the morph starts from. The same seed always gives the same pictures, so you can show them again later.</source>
        <translation>渐变起点那幅画的种子。同一个种子总是画出同样的图片，所以以后可以再展示一遍。</translation>
    </message>
    <message>
        <source>The seed of the drawing the morph ends at. The same seed always gives the same pictures, so you can show them again later.</source>
        <translation>渐变终点那幅画的种子。同一个种子总是画出同样的图片，所以以后可以再展示一遍。</translation>
    </message>
    <message>
        <source>Slide to move between the drawing of seed A (left end) and the drawing of seed B (right end).</source>
        <translation>拖动滑块，在种子 A 的画（左端）和种子 B 的画（右端）之间移动。</translation>
    </message>
    <message>
        <source>Play the morph as an animation, back and forth between A and B.</source>
        <translation>把渐变当作动画播放，在 A 和 B 之间来回变化。</translation>
    </message>
    <message>
        <source>Pick two new random seeds to morph between.</source>
        <translation>随机换两个新种子，在它们之间渐变。</translation>
    </message>
    <message>
        <source>Drawings along the way from A to B. Click one to show it above.</source>
        <translation>从 A 到 B 沿途的画。点击其中一张，在上方显示它。</translation>
    </message>
    <message>
        <source>Pictures the model drew. The same seed always gives the same pictures, so you can show them again later.</source>
        <translation>模型画出的图片。同一个种子总是画出同样的图片，所以以后可以再展示一遍。</translation>
    </message>
    <message>
        <source>{percent} of its pictures recognisable</source>
        <translation>{percent} 的图片能被认出</translation>
    </message>
    <message>
        <source>{drawn} of {total} classes drawn</source>
        <translation>画出了 {drawn} 个类别（共 {total} 个）</translation>
    </message>
    <message>
        <source>{drawn} classes drawn</source>
        <translation>画出了 {drawn} 个类别</translation>
    </message>
    <message>
        <source>draws the chosen class {percent} of the time</source>
        <translation>有 {percent} 的时候画出指定的类别</translation>
    </message>
    <message>
        <source>after {epochs} epochs of training</source>
        <translation>训练了 {epochs} 个轮次</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Picture generator (GAN), made with ModelDesk</source>
        <translation>图像生成器（GAN），由 ModelDesk 制作</translation>
    </message>
    <message>
        <source>Picture generator (GAN)</source>
        <translation>图像生成器（GAN）</translation>
    </message>
    <message>
        <source>{model} trained on {dataset}</source>
        <translation>{model}，在 {dataset} 上训练</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
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
        <source>{count} channels</source>
        <translation>{count} 个通道</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>{width} x {height} pixels, {colour}</source>
        <translation>{width} x {height} 像素，{colour}</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>{count} random numbers per picture (latent size)</source>
        <translation>每张图片 {count} 个随机数（潜在向量大小）</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>{count} you can choose from: {first}</source>
        <translation>可选 {count} 个：{first}</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样例</translation>
    </message>
    <message>
        <source>New pictures drawn by the model from random starting points.</source>
        <translation>模型从随机起点画出的新图片。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>&amp;New samples</source>
        <translation>换一批(&amp;N)</translation>
    </message>
    <message>
        <source>Save grid as &amp;PNG…</source>
        <translation>保存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>New p&amp;air</source>
        <translation>换一对(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;lay</source>
        <translation>播放(&amp;L)</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>暂停(&amp;U)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在画…</translation>
    </message>
    <message>
        <source>Morph between two seeds</source>
        <translation>在两个种子之间渐变</translation>
    </message>
    <message>
        <source>Seed A</source>
        <translation>种子 A</translation>
    </message>
    <message>
        <source>Seed B</source>
        <translation>种子 B</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Along the way from A to B</source>
        <translation>从 A 到 B 的沿途</translation>
    </message>
    <message>
        <source>{percent} of the way</source>
        <translation>走过 {percent}</translation>
    </message>
    <message>
        <source>{tip} ({where})</source>
        <translation>{tip}（{where}）</translation>
    </message>
    <message>
        <source>Every class</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>There are no pictures to save yet; wait until they are drawn.</source>
        <translation>还没有可保存的图片，请等图片画完。</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Save the pictures as PNG</source>
        <translation>把图片保存为 PNG</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not save the pictures</source>
        <translation>无法保存图片</translation>
    </message>
    <message>
        <source>Saved the pictures to {path}.</source>
        <translation>图片已保存到 {path}。</translation>
    </message>
    <message>
        <source>The morph draws class “{name}”.</source>
        <translation>渐变画的是类别“{name}”。</translation>
    </message>
    <message>
        <source>The morph draws class “{name}”; choose a class on the left to change it.</source>
        <translation>渐变画的是类别“{name}”；想换一个，请在左边选择类别。</translation>
    </message>
    <message>
        <source>Drawn in {ms} ms</source>
        <translation>用时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>{count} picture from seed {seed}</source>
        <translation>{count} 张图片，来自种子 {seed}</translation>
    </message>
    <message>
        <source>{count} pictures from seed {seed}</source>
        <translation>{count} 张图片，来自种子 {seed}</translation>
    </message>
    <message>
        <source>{pictures}, class “{name}”</source>
        <translation>{pictures}，类别“{name}”</translation>
    </message>
    <message>
        <source>{what}.</source>
        <translation>{what}。</translation>
    </message>
    <message>
        <source>Could not draw pictures</source>
        <translation>无法画出图片</translation>
    </message>
</context>
<context>
    <name>JobCommandDialog</name>
    <message>
        <source>Training job saved</source>
        <translation>训练任务已保存</translation>
    </message>
    <message>
        <source>The run&apos;s settings were saved to &lt;b&gt;{path}&lt;/b&gt;.&lt;br&gt;To train it again without the window (on this computer, a server or a cluster with ModelDesk installed), run:</source>
        <translation>这次运行的设置已保存到 &lt;b&gt;{path}&lt;/b&gt;。&lt;br&gt;如果想不打开窗口再次训练（在这台电脑、服务器或装有 ModelDesk 的集群上），请运行：</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>复制(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard.</source>
        <translation>把命令复制到剪贴板。</translation>
    </message>
    <message>
        <source>On several GPUs, start it with torchrun: {command}</source>
        <translation>在多块 GPU 上，请用 torchrun 启动：{command}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
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
        <source>Stop the training before copying another run&apos;s settings.</source>
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
        <source>Deep convolutional GAN (Radford et al., 2015): learns to draw new pictures like the dataset&apos;s.</source>
        <translation>深度卷积 GAN（Radford 等人，2015 年）：学习画出与数据集相似的新图片。</translation>
    </message>
    <message>
        <source>DCGAN that also learns the classes, so you can ask it for a particular one (&quot;draw a 7&quot;).</source>
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
        <source>The original paper&apos;s base size (6+6 layers, 512 wide): for a GPU.</source>
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
        <source>&amp;Reset to recommended</source>
        <translation>恢复推荐值(&amp;R)</translation>
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
English → French: it learns to turn &apos;forty-two&apos; into &apos;quarante-deux&apos;.</source>
        <translation>翻译模型读入哪种语言、写出哪种语言。
英语 → 法语：它会学着把英文拼写的“四十二”译成法文拼写。</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <source>Drop an ONNX model here (or use Open model…)</source>
        <translation>把 ONNX 模型拖到这里（或使用“打开模型…”）</translation>
    </message>
    <message>
        <source>Models exported by ModelDesk work right away. Other image classifiers work too: ModelDesk guesses their settings, and you can correct them. Picture generators (GANs) open too, to draw new pictures, and translators and text generators made with ModelDesk, to translate and write text.</source>
        <translation>ModelDesk 导出的模型可以直接使用。其他图像分类器也可以：ModelDesk 会猜测它们的设置，你可以再修改。图片生成器（GAN）也能打开，用来画新图片；用 ModelDesk 制作的翻译模型和文本生成模型也能打开，用来翻译和写文字。</translation>
    </message>
    <message>
        <source>Now drop pictures or a folder of pictures here</source>
        <translation>现在把图片或图片文件夹拖到这里</translation>
    </message>
    <message>
        <source>Or paste a picture with Ctrl+V, or use the Add pictures button. A folder whose sub-folders are named after the labels also shows the accuracy.</source>
        <translation>也可以用 Ctrl+V 粘贴图片，或使用“添加图片”按钮。如果文件夹的子文件夹以标签命名，还会显示准确率。</translation>
    </message>
    <message>
        <source>This model describes itself; no settings needed.</source>
        <translation>此模型自带说明，无需设置。</translation>
    </message>
    <message>
        <source>No usable NVIDIA graphics card (GPU) was found, so models run on the CPU.</source>
        <translation>没有找到可用的 NVIDIA 显卡（GPU），因此模型在 CPU 上运行。</translation>
    </message>
    <message>
        <source>Run models on the processor even when a graphics card is available (slower, but always works).</source>
        <translation>即使有显卡，也在处理器上运行模型（较慢，但总能运行）。</translation>
    </message>
    <message>
        <source>ImageNet mean/std</source>
        <translation>ImageNet 均值/标准差</translation>
    </message>
    <message>
        <source>NCHW (channels first)</source>
        <translation>NCHW（通道在前）</translation>
    </message>
    <message>
        <source>NHWC (channels last)</source>
        <translation>NHWC（通道在后）</translation>
    </message>
    <message>
        <source>3 (colour)</source>
        <translation>3（彩色）</translation>
    </message>
    <message>
        <source>1 (grayscale)</source>
        <translation>1（灰度）</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>把握</translation>
    </message>
    <message>
        <source>2nd answer</source>
        <translation>第二答案</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The picture&apos;s file, below the folder you chose.</source>
        <translation>图片文件，位于你选择的文件夹之下。</translation>
    </message>
    <message>
        <source>The model&apos;s best answer.</source>
        <translation>模型的最佳答案。</translation>
    </message>
    <message>
        <source>How sure the model is of its best answer (its probability).</source>
        <translation>模型对最佳答案有多大把握（其概率）。</translation>
    </message>
    <message>
        <source>The model&apos;s second-best answer.</source>
        <translation>模型的第二答案。</translation>
    </message>
    <message>
        <source>How sure the model is of its second-best answer.</source>
        <translation>模型对第二答案有多大把握。</translation>
    </message>
    <message>
        <source>Why a picture could not be classified.</source>
        <translation>图片无法分类的原因。</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} 毫秒</translation>
    </message>
    <message>
        <source>The settings you chose for this model earlier no longer fit it, so ModelDesk guessed them again.</source>
        <translation>你之前为此模型选择的设置已不再适用，因此 ModelDesk 重新猜测了设置。</translation>
    </message>
    <message>
        <source>The pasted picture is {width}x{height} pixels, too large to open safely.</source>
        <translation>粘贴的图片为 {width}x{height} 像素，太大，无法安全打开。</translation>
    </message>
    <message>
        <source>ModelDesk could not classify this picture; the details are in the log file.</source>
        <translation>ModelDesk 无法对这张图片分类；详细信息在日志文件中。</translation>
    </message>
    <message>
        <source>The model gave no usable scores for this picture.</source>
        <translation>模型没有为这张图片给出可用的分数。</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source> + {size} in a separate data file</source>
        <translation> + 单独数据文件中的 {size}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>unknown tool</source>
        <translation>未知工具</translation>
    </message>
    <message>
        <source>ONNX opset {opset}</source>
        <translation>ONNX 算子集 {opset}</translation>
    </message>
    <message>
        <source>Made with</source>
        <translation>制作工具</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>Opened in</source>
        <translation>打开用时</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>image classification (made with ModelDesk)</source>
        <translation>图像分类（用 ModelDesk 制作）</translation>
    </message>
    <message>
        <source>{model} trained on {dataset}</source>
        <translation>{model}，在 {dataset} 上训练</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>{width} x {height} pixels, grayscale, {layout}</source>
        <translation>{width} x {height} 像素，灰度，{layout}</translation>
    </message>
    <message>
        <source>{width} x {height} pixels, colour, {layout}</source>
        <translation>{width} x {height} 像素，彩色，{layout}</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>mean {mean}; std {std}</source>
        <translation>均值 {mean}；标准差 {std}</translation>
    </message>
    <message>
        <source>{preset} ({numbers})</source>
        <translation>{preset}（{numbers}）</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Playground: try a model</source>
        <translation>试用场：试试模型</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Add pictures…</source>
        <translation>添加图片(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste picture</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>Open an ONNX image classifier, picture generator, translator or text generator (.onnx file). You can also drop it onto this page.</source>
        <translation>打开 ONNX 图像分类器、图片生成器、翻译模型或文本生成模型（.onnx 文件）。也可以把文件拖到此页面上。</translation>
    </message>
    <message>
        <source>Classify pictures or a whole folder. You can also drop them onto this page.</source>
        <translation>对图片或整个文件夹进行分类。也可以把它们拖到此页面上。</translation>
    </message>
    <message>
        <source>Pictures…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <source>A folder of pictures…</source>
        <translation>图片文件夹…</translation>
    </message>
    <message>
        <source>Classify the picture on the clipboard (Ctrl+V).</source>
        <translation>对剪贴板中的图片进行分类（Ctrl+V）。</translation>
    </message>
    <message>
        <source>Remove all pictures and results from the page (the files stay where they are).</source>
        <translation>从页面上移除所有图片和结果（文件本身保留在原处）。</translation>
    </message>
    <message>
        <source>Always use the CPU</source>
        <translation>始终使用 CPU</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>最近的模型</translation>
    </message>
    <message>
        <source>Click a model to open it again.</source>
        <translation>点击模型即可再次打开。</translation>
    </message>
    <message>
        <source>Models you open appear here, so you can open them again with one click.</source>
        <translation>打开过的模型会列在这里，点一下就能再次打开。</translation>
    </message>
    <message>
        <source>Settings for this model</source>
        <translation>此模型的设置</translation>
    </message>
    <message>
        <source>This model does not say how it wants its pictures; check these settings against the model&apos;s documentation.</source>
        <translation>此模型没有说明它需要怎样的图片；请对照模型的说明文档检查这些设置。</translation>
    </message>
    <message>
        <source>Height of the pictures the model was trained on, in pixels.</source>
        <translation>训练模型所用图片的高度（像素）。</translation>
    </message>
    <message>
        <source>Width of the pictures the model was trained on, in pixels.</source>
        <translation>训练模型所用图片的宽度（像素）。</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>wide ×</source>
        <translation>宽 ×</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Whether the model wants colour or grayscale pictures.</source>
        <translation>模型需要彩色图片还是灰度图片。</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>How pixel values are scaled before the model sees them: 0 to 1, -1 to 1, or with the ImageNet mean and standard deviation (common for photos).</source>
        <translation>像素值在交给模型前如何缩放：0 到 1、-1 到 1，或按 ImageNet 的均值和标准差（照片常用）。</translation>
    </message>
    <message>
        <source>Pixel values</source>
        <translation>像素值</translation>
    </message>
    <message>
        <source>Whether the model wants the colour channels before (NCHW, PyTorch style) or after (NHWC, TensorFlow style) the pixel rows and columns.</source>
        <translation>模型需要颜色通道在像素行列之前（NCHW，PyTorch 风格）还是之后（NHWC，TensorFlow 风格）。</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>通道顺序</translation>
    </message>
    <message>
        <source>class 0, class 1, …</source>
        <translation>类别 0、类别 1、…</translation>
    </message>
    <message>
        <source>A text file with one label per line, in the model&apos;s class order.</source>
        <translation>每行一个标签的文本文件，按模型的类别顺序排列。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a text file with one label per line.</source>
        <translation>选择一个每行一个标签的文本文件。</translation>
    </message>
    <message>
        <source>Use no labels file (classes are called class 0, class 1, …).</source>
        <translation>不使用标签文件（类别将称为 class 0、class 1、…）。</translation>
    </message>
    <message>
        <source>%v of %m pictures</source>
        <translation>%v / %m 张图片</translation>
    </message>
    <message>
        <source>Stop classifying; the pictures done so far are kept.</source>
        <translation>停止分类；已完成的图片会保留。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>保存 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save every picture&apos;s answers to a CSV file that spreadsheets open.</source>
        <translation>把每张图片的答案保存为电子表格可以打开的 CSV 文件。</translation>
    </message>
    <message>
        <source>Click a column title to sort. Double-click a row to see that picture on a card.</source>
        <translation>点击列标题可排序。双击一行可在卡片上查看该图片。</translation>
    </message>
    <message>
        <source>What the model confuses</source>
        <translation>模型容易混淆的内容</translation>
    </message>
    <message>
        <source>Rows: the folder (the true label). Columns: the model&apos;s answer. The diagonal is right.</source>
        <translation>行：文件夹（真实标签）。列：模型的答案。对角线上的是答对的。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Only one model can be open at a time; opening {name}.</source>
        <translation>一次只能打开一个模型；正在打开 {name}。</translation>
    </message>
    <message>
        <source>The clipboard holds no picture; copy a picture first, then paste it here.</source>
        <translation>剪贴板里没有图片；请先复制一张图片，再粘贴到这里。</translation>
    </message>
    <message>
        <source>Pasted picture {number}</source>
        <translation>粘贴的图片 {number}</translation>
    </message>
    <message>
        <source>{name} ({width}x{height} pixels)</source>
        <translation>{name}（{width}x{height} 像素）</translation>
    </message>
    <message>
        <source>Nothing could be classified</source>
        <translation>没有可以分类的内容</translation>
    </message>
    <message>
        <source>There are no answers to save yet; classify some pictures first.</source>
        <translation>还没有可保存的答案；请先对一些图片进行分类。</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Save the answers as CSV</source>
        <translation>将答案保存为 CSV</translation>
    </message>
    <message>
        <source>{stem}-answers.csv</source>
        <translation>{stem}-答案.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The CSV file could not be saved to &apos;{path}&apos; ({reason}).</source>
        <translation>无法将 CSV 文件保存到“{path}”（{reason}）。</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved {answers} to {path}.</source>
        <translation>已将 {answers}保存到 {path}。</translation>
    </message>
    <message>
        <source>{count} answer</source>
        <translation>{count} 个答案</translation>
    </message>
    <message>
        <source>{count} answers</source>
        <translation>{count} 个答案</translation>
    </message>
    <message>
        <source>Choose a labels file</source>
        <translation>选择标签文件</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv *.names);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv *.names);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open an ONNX model</source>
        <translation>打开 ONNX 模型</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose pictures</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Pictures ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a folder of pictures</source>
        <translation>选择图片文件夹</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opened {name} on the {device} in {time}.</source>
        <translation>已打开 {name}，运行于 {device}，用时 {time}。</translation>
    </message>
    <message>
        <source>Opened the translator {name} ({languages}) on the {device} in {time}.</source>
        <translation>已打开翻译模型 {name}（{languages}），运行于 {device}，用时 {time}。</translation>
    </message>
    <message>
        <source>Opened the text generator {name} on the {device} in {time}.</source>
        <translation>已打开文本生成模型 {name}，运行于 {device}，用时 {time}。</translation>
    </message>
    <message>
        <source>Opened the picture generator {name} on the {device} in {time}.</source>
        <translation>已打开图片生成器 {name}，运行于 {device}，用时 {time}。</translation>
    </message>
    <message>
        <source>{name} was not opened.</source>
        <translation>未能打开 {name}。</translation>
    </message>
    <message>
        <source> {name} is still open.</source>
        <translation>{name} 仍然处于打开状态。</translation>
    </message>
    <message>
        <source>These settings do not fit the model</source>
        <translation>这些设置与模型不符</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>The model itself fixes the height.</source>
        <translation>高度由模型本身决定。</translation>
    </message>
    <message>
        <source>The model itself fixes the width.</source>
        <translation>宽度由模型本身决定。</translation>
    </message>
    <message>
        <source>The model itself fixes the number of colour channels.</source>
        <translation>颜色通道数由模型本身决定。</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation>（找不到）</translation>
    </message>
    <message>
        <source>Waiting for a model: open one to classify this picture.</source>
        <translation>等待模型：打开一个模型即可对这张图片分类。</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>Classified {pictures} on the {device}, {time} each on average.</source>
        <translation>已分类 {pictures}，运行于 {device}，平均每张 {time}。</translation>
    </message>
    <message>
        <source>{count} picture</source>
        <translation>{count} 张图片</translation>
    </message>
    <message>
        <source>{count} pictures</source>
        <translation>{count} 张图片</translation>
    </message>
    <message>
        <source>Explanations are not available in this version of ModelDesk.</source>
        <translation>此版本的 ModelDesk 不提供解释功能。</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>正在解释…</translation>
    </message>
    <message>
        <source>Red shows the parts of the picture that mattered most for the answer &apos;{label}&apos;. Click again to hide it.</source>
        <translation>红色标出了对答案“{label}”影响最大的图片区域。再次点击可隐藏。</translation>
    </message>
    <message>
        <source>Could not explain the answer</source>
        <translation>无法解释该答案</translation>
    </message>
    <message>
        <source>{names}: waiting for a model. Open one to classify these pictures.</source>
        <translation>{names}：等待模型。打开一个模型即可对这些图片分类。</translation>
    </message>
    <message>
        <source>Classifying the pictures in {names}…</source>
        <translation>正在对 {names} 中的图片分类…</translation>
    </message>
    <message>
        <source>In the folder &apos;{folder}&apos;, but the model said &apos;{answer}&apos;.</source>
        <translation>位于文件夹“{folder}”中，但模型的答案是“{answer}”。</translation>
    </message>
    <message>
        <source>{count} picture classified</source>
        <translation>已分类 {count} 张图片</translation>
    </message>
    <message>
        <source>{count} pictures classified</source>
        <translation>已分类 {count} 张图片</translation>
    </message>
    <message>
        <source>{count} picture could not be read (red rows)</source>
        <translation>{count} 张图片无法读取（红色行）</translation>
    </message>
    <message>
        <source>{count} pictures could not be read (red rows)</source>
        <translation>{count} 张图片无法读取（红色行）</translation>
    </message>
    <message>
        <source>{time} per picture</source>
        <translation>每张 {time}</translation>
    </message>
    <message>
        <source>stopped before the end</source>
        <translation>未完成就已停止</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Accuracy {accuracy} on {pictures} in folders named after the labels</source>
        <translation>准确率 {accuracy}（基于以标签命名的文件夹中的 {pictures}）</translation>
    </message>
    <message>
        <source>The share of pictures whose best answer is the name of their folder. Wrong answers are the red rows in the table.</source>
        <translation>最佳答案与所在文件夹名称一致的图片所占比例。答错的图片是表格中的红色行。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Folder ({names})</source>
        <translation>文件夹（{names}）</translation>
    </message>
    <message>
        <source>Pictures ({count})</source>
        <translation>图片（{count}）</translation>
    </message>
    <message>
        <source>Choose pictures…</source>
        <translation>选择图片…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Light or dark windows. &quot;Same as the system&quot; follows your computer&apos;s setting, also when you change it while ModelDesk is open.</source>
        <translation>浅色或深色窗口。“跟随系统”使用电脑的设置，ModelDesk 打开时更改也会跟随。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>The language of the window. &quot;Same as the system&quot; follows your computer&apos;s language. The new language shows when ModelDesk starts next.</source>
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
    <name>ResultCard</name>
    <message>
        <source>Shade in red the parts of the picture that mattered most for the answer. It covers the picture piece by piece and watches the answer change, so it takes a moment.</source>
        <translation>用红色标出对答案影响最大的图片区域。它会逐块遮住图片并观察答案的变化，所以需要一点时间。</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Waiting for a model…</source>
        <translation>等待模型…</translation>
    </message>
    <message>
        <source>How long the model took for this picture, including preparing it.</source>
        <translation>模型处理这张图片所用的时间（包括准备图片）。</translation>
    </message>
</context>
<context>
    <name>RunCurvesView</name>
    <message>
        <source>Each line is one of the chosen runs, epoch by epoch. Choose what to compare above the plot.
Select several runs in the table (Ctrl or Shift + click) to overlay them.</source>
        <translation>每条线是一次所选的运行，按轮次绘制。在图的上方选择要比较的指标。
在表格中选择多次运行（按住 Ctrl 或 Shift 点击）即可叠加显示。</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>recognised samples</source>
        <translation>可识别的样本</translation>
    </message>
    <message>
        <source>discriminator loss</source>
        <translation>裁判损失</translation>
    </message>
    <message>
        <source>generator loss</source>
        <translation>生成器损失</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>validation perplexity</source>
        <translation>验证困惑度</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>比较：</translation>
    </message>
    <message>
        <source>The figure to draw for each chosen run. Only figures every chosen run has are offered.</source>
        <translation>为每次所选运行绘制的指标。只提供所有所选运行都有的指标。</translation>
    </message>
    <message>
        <source>Showing the first {shown} of the {count} chosen runs.</source>
        <translation>只显示前 {shown} 次运行（共选了 {count} 次）。</translation>
    </message>
    <message>
        <source>These runs have no figure in common to compare; choose runs of the same task.</source>
        <translation>这些运行没有可以共同比较的指标；请选择同一任务的运行。</translation>
    </message>
    <message>
        <source> (no figures yet)</source>
        <translation>（还没有数据）</translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <source>Open in Pla&amp;yground</source>
        <translation>在试用场中打开(&amp;Y)</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Each row is the true class, each column what the model answered; the diagonal is right. The Evaluate page shows the pictures behind each square for the model trained last.</source>
        <translation>每一行是真实类别，每一列是模型的回答；对角线上是答对的。对于最近训练的模型，评估页会显示每个方格里的图片。</translation>
    </message>
    <message>
        <source>Pictures the generator drew from its fixed random numbers.</source>
        <translation>生成器根据固定的随机数画出的图片。</translation>
    </message>
    <message>
        <source>The run&apos;s folder was deleted, so there is nothing more to show.</source>
        <translation>这次运行的文件夹已被删除，没有更多内容可显示。</translation>
    </message>
    <message>
        <source>{done} of {planned} epochs</source>
        <translation>{done} / {planned} 个轮次</translation>
    </message>
    <message>
        <source>{done} epochs</source>
        <translation>{done} 个轮次</translation>
    </message>
    <message>
        <source>{status} after {epochs}</source>
        <translation>{status}，共 {epochs}</translation>
    </message>
    <message>
        <source> (best: epoch {epoch})</source>
        <translation>（最佳：第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>, in {duration}</source>
        <translation>，用时 {duration}</translation>
    </message>
    <message>
        <source>{model} on {dataset}</source>
        <translation>{model}，数据集 {dataset}</translation>
    </message>
    <message>
        <source>started {date}</source>
        <translation>开始于 {date}</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>文件夹：{folder}</translation>
    </message>
    <message>
        <source>Folder: {folder} (deleted)</source>
        <translation>文件夹：{folder}（已删除）</translation>
    </message>
    <message>
        <source>This run saved no evaluation: it ended before its first epoch finished.</source>
        <translation>这次运行没有保存评估结果：它在第一个轮次完成前就结束了。</translation>
    </message>
    <message>
        <source>The best model gets {share} of the {total} validation pictures right.</source>
        <translation>最佳模型答对了 {share} 的验证图片（共 {total} 张）。</translation>
    </message>
    <message>
        <source>Weakest class: &apos;{name}&apos; (F1 {f1}).</source>
        <translation>最弱的类别：“{name}”（F1 分数 {f1}）。</translation>
    </message>
    <message>
        <source>What the best model confuses.</source>
        <translation>最佳模型弄混了什么。</translation>
    </message>
    <message>
        <source>This run saved no sample pictures: it ended before its first epoch finished.</source>
        <translation>这次运行没有保存样本图片：它在第一个轮次完成前就结束了。</translation>
    </message>
    <message>
        <source>What the generator drew after epoch {epoch}.</source>
        <translation>生成器在第 {epoch} 轮之后画出的图片。</translation>
    </message>
    <message>
        <source> Its best epoch drew {coverage} of the {classes} classes.</source>
        <translation>它最好的一轮画出了 {coverage} 个类别（共 {classes} 个）。</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>This run saved no scores: it ended before its first epoch finished.</source>
        <translation>这次运行没有保存得分：它在第一个轮次完成前就结束了。</translation>
    </message>
    <message>
        <source>held-out test ({count} pairs)</source>
        <translation>预留测试集（{count} 个句子对）</translation>
    </message>
    <message>
        <source>held-out test</source>
        <translation>预留测试集</translation>
    </message>
    <message>
        <source>validation (best epoch)</source>
        <translation>验证（最佳轮次）</translation>
    </message>
    <message>
        <source>BLEU and chrF compare the translations with the reference ones (100 is perfect); exact match counts translations that are exactly right.</source>
        <translation>BLEU 和 chrF 把译文与参考译文进行比较（100 为完美）；完全匹配统计的是完全正确的译文。</translation>
    </message>
    <message>
        <source>This run saved no writing: it ended before its first epoch finished.</source>
        <translation>这次运行没有保存生成的文字：它在第一个轮次完成前就结束了。</translation>
    </message>
    <message>
        <source>Validation perplexity &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>验证困惑度 &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (guessing by letter frequency alone: {value})</source>
        <translation>（只按字母频率猜测：{value}）</translation>
    </message>
    <message>
        <source>What the best model wrote after the opening words in bold. Perplexity is roughly how many letters the model still hesitates between: lower is better.</source>
        <translation>最佳模型接着粗体开头写出的文字。困惑度大致表示模型还在多少个字母之间犹豫：越低越好。</translation>
    </message>
    <message>
        <source>Try the exported model ({name}) in the Playground.</source>
        <translation>在试用场中试用导出的模型（{name}）。</translation>
    </message>
    <message>
        <source>This run has no exported ONNX model. Export one on the Evaluate page after training, or train with export switched on.</source>
        <translation>这次运行没有导出的 ONNX 模型。可以在训练后到评估页导出，或在训练时打开导出选项。</translation>
    </message>
</context>
<context>
    <name>RunWords</name>
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
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Generation (GAN)</source>
        <translation>生成（GAN）</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>This run is being trained now.</source>
        <translation>这次运行正在训练。</translation>
    </message>
    <message>
        <source>Training ran to the end (or stopped early because the model stopped improving).</source>
        <translation>训练已完整结束（或因模型不再进步而提前停止）。</translation>
    </message>
    <message>
        <source>Training was stopped before the last epoch; you can resume it.</source>
        <translation>训练在最后一个轮次之前被停止；你可以继续训练。</translation>
    </message>
    <message>
        <source>The app or computer closed while this run was training; you can resume it from its last epoch.</source>
        <translation>这次运行训练时，程序或电脑被关闭了；你可以从它最后一个轮次继续训练。</translation>
    </message>
    <message>
        <source>Training stopped because of a problem; the run&apos;s details say which.</source>
        <translation>训练因出现问题而停止；运行详情里写明了原因。</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>{model} on {dataset}, {time}</source>
        <translation>{model}（{dataset}）, {time}</translation>
    </message>
    <message>
        <source>perplexity {value}</source>
        <translation>困惑度 {value}</translation>
    </message>
    <message>
        <source>{share} accuracy</source>
        <translation>准确率 {share}</translation>
    </message>
    <message>
        <source>{share} recognised</source>
        <translation>可辨认 {share}</translation>
    </message>
    <message>
        <source>{share} exact</source>
        <translation>完全正确 {share}</translation>
    </message>
    <message>
        <source>{count} epoch</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>批大小 {size}</translation>
    </message>
    <message>
        <source>lr {rate}</source>
        <translation>学习率 {rate}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
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
    <name>RunsPage</name>
    <message>
        <source>Runs you train appear here.</source>
        <translation>你训练的运行记录会显示在这里。</translation>
    </message>
    <message>
        <source>Every training run keeps its settings, curves, checkpoints and exported model. Train a model on the Train page, then come back here to compare runs, continue one, start a new run from its settings, or try its model in the Playground.</source>
        <translation>每次训练运行都会保存它的设置、曲线、检查点和导出的模型。先在训练页训练一个模型，再回到这里比较各次运行、继续某次运行、用它的设置开始新的运行，或在试用场中试用它的模型。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>When the run started.</source>
        <translation>运行开始的时间。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What the model learns to do.</source>
        <translation>模型学习做的事情。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>The data the model trained on.</source>
        <translation>模型训练所用的数据。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The model&apos;s architecture.</source>
        <translation>模型的结构。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The settings that matter most; the table under the plot lists all that differ between chosen runs.</source>
        <translation>最重要的设置；图下方的表格列出了所选运行之间所有不同的设置。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>How the run ended.</source>
        <translation>运行是如何结束的。</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>The best figure the run reached on data it did not train on.</source>
        <translation>这次运行在未训练过的数据上取得的最佳成绩。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Epochs trained, of those planned.</source>
        <translation>已训练的轮次 / 计划的轮次。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>How long the run trained.</source>
        <translation>这次运行训练了多长时间。</translation>
    </message>
    <message>
        <source>Your training runs</source>
        <translation>你的训练运行记录</translation>
    </message>
    <message>
        <source>Filter: a dataset, model, setting, date…</source>
        <translation>筛选：数据集、模型、设置、日期…</translation>
    </message>
    <message>
        <source>Show only the runs whose row contains every word typed here.</source>
        <translation>只显示整行包含这里输入的每个词的运行。</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>所有任务</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Read the run list again (runs trained from the command line appear too).</source>
        <translation>重新读取运行列表（在命令行中训练的运行也会出现）。</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Click a run to look at it again; Ctrl or Shift + click to compare several.</source>
        <translation>点击一次运行可重新查看；按住 Ctrl 或 Shift 点击可比较多次运行。</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>直到</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 个轮次</translation>
    </message>
    <message>
        <source>How many epochs the run should have in all when it ends. Training continues from its last finished epoch with the same optimizer state.</source>
        <translation>这次运行结束时总共应有多少个轮次。训练会从最后完成的轮次、以相同的优化器状态继续。</translation>
    </message>
    <message>
        <source>Click a run in the table to see how it did. Select several (Ctrl or Shift + click) to compare their curves and the settings that differ.</source>
        <translation>点击表格中的一次运行，查看它的表现。选择多次运行（按住 Ctrl 或 Shift 点击）可比较它们的曲线和不同的设置。</translation>
    </message>
    <message>
        <source>The chosen run</source>
        <translation>所选的运行</translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <source>The run index could not be read ({error}).</source>
        <translation>无法读取运行索引（{error}）。</translation>
    </message>
    <message>
        <source>The run history cannot be shown.</source>
        <translation>无法显示运行记录。</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} / {planned}</translation>
    </message>
    <message>
        <source>{total} run</source>
        <translation>{total} 次运行</translation>
    </message>
    <message>
        <source>{total} runs</source>
        <translation>{total} 次运行</translation>
    </message>
    <message>
        <source>{shown} of {total} run shown</source>
        <translation>显示 {shown} / {total} 次运行</translation>
    </message>
    <message>
        <source>{shown} of {total} runs shown</source>
        <translation>显示 {shown} / {total} 次运行</translation>
    </message>
    <message>
        <source>No run matches the filter ({total} run in all)</source>
        <translation>没有运行符合筛选条件（共 {total} 次运行）</translation>
    </message>
    <message>
        <source>No run matches the filter ({total} runs in all)</source>
        <translation>没有运行符合筛选条件（共 {total} 次运行）</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>刷新(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New run with these settings</source>
        <translation>用这些设置新建运行(&amp;N)</translation>
    </message>
    <message>
        <source>Export training &amp;job…</source>
        <translation>导出训练任务(&amp;J)…</translation>
    </message>
    <message>
        <source>Save metrics as &amp;CSV…</source>
        <translation>将指标保存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Open f&amp;older</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Add epochs</source>
        <translation>增加轮次(&amp;A)</translation>
    </message>
    <message>
        <source>Choose one run in the table first.</source>
        <translation>请先在表格中选择一次运行。</translation>
    </message>
    <message>
        <source>Choose just one run for this.</source>
        <translation>此操作只能选择一次运行。</translation>
    </message>
    <message>
        <source>This run&apos;s folder was deleted; press Refresh.</source>
        <translation>这次运行的文件夹已被删除；请点击“刷新”。</translation>
    </message>
    <message>
        <source>This run is training now.</source>
        <translation>这次运行正在训练。</translation>
    </message>
    <message>
        <source>This run failed; start a new run with its settings instead.</source>
        <translation>这次运行失败了；请改用它的设置新建一次运行。</translation>
    </message>
    <message>
        <source>Wait until the current training has finished.</source>
        <translation>请等当前的训练结束。</translation>
    </message>
    <message>
        <source>This run saved no checkpoint to continue from (it ended before its first epoch finished).</source>
        <translation>这次运行没有保存可以继续的检查点（它在第一个轮次完成前就结束了）。</translation>
    </message>
    <message>
        <source>This run has no metrics yet: it ended before its first epoch finished.</source>
        <translation>这次运行还没有指标：它在第一个轮次完成前就结束了。</translation>
    </message>
    <message>
        <source>Choose the runs to delete in the table first.</source>
        <translation>请先在表格中选择要删除的运行。</translation>
    </message>
    <message>
        <source>A chosen run is training now; stop it before deleting it.</source>
        <translation>所选的一次运行正在训练；请先停止它再删除。</translation>
    </message>
    <message>
        <source>Continue training from the last finished epoch, with the same optimizer state, until the run has the number of epochs on the right.</source>
        <translation>从最后完成的轮次、以相同的优化器状态继续训练，直到达到右边的轮次数。</translation>
    </message>
    <message>
        <source>Put this run&apos;s settings on the Model page, to train a new run from them (change what you like first).</source>
        <translation>把这次运行的设置放到模型页，用它们训练一次新的运行（可以先修改想改的地方）。</translation>
    </message>
    <message>
        <source>Save this run&apos;s settings as a training job file and show the command that trains it without the window ({command}).</source>
        <translation>把这次运行的设置保存为训练任务文件，并显示不打开窗口也能训练它的命令（{command}）。</translation>
    </message>
    <message>
        <source>Save the run&apos;s figures for every epoch as a CSV file (opens in a spreadsheet).</source>
        <translation>把这次运行每个轮次的数据保存为 CSV 文件（可用电子表格打开）。</translation>
    </message>
    <message>
        <source>Show the run&apos;s folder (settings, metrics, checkpoints, exported model) in your file manager.</source>
        <translation>在文件管理器中显示这次运行的文件夹（设置、指标、检查点、导出的模型）。</translation>
    </message>
    <message>
        <source>Delete the chosen runs: their folders (checkpoints, metrics, exported models) and their place in this list. You are asked first.</source>
        <translation>删除所选的运行：它们的文件夹（检查点、指标、导出的模型）以及它们在列表中的条目。删除前会先询问你。</translation>
    </message>
    <message>
        <source>The folder of the run &apos;{name}&apos; was deleted, so it is no longer in the list.</source>
        <translation>运行“{name}”的文件夹已被删除，因此它不再出现在列表中。</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>This run saved no checkpoint to continue from, so it cannot be resumed; start a new run with its settings instead.</source>
        <translation>这次运行没有保存可以继续的检查点，因此无法继续；请改用它的设置新建一次运行。</translation>
    </message>
    <message>
        <source>Another run is training now; wait until it has finished.</source>
        <translation>另一次运行正在训练；请等它结束。</translation>
    </message>
    <message>
        <source>Training job not saved</source>
        <translation>训练任务未保存</translation>
    </message>
    <message>
        <source>Save the training job</source>
        <translation>保存训练任务</translation>
    </message>
    <message>
        <source>Training jobs (*.json)</source>
        <translation>训练任务 (*.json)</translation>
    </message>
    <message>
        <source>Training job saved to {path}</source>
        <translation>训练任务已保存到 {path}</translation>
    </message>
    <message>
        <source>Metrics not saved</source>
        <translation>指标未保存</translation>
    </message>
    <message>
        <source>Save the metrics as CSV</source>
        <translation>将指标保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Metrics saved to {path}</source>
        <translation>指标已保存到 {path}</translation>
    </message>
    <message>
        <source>Folder not opened</source>
        <translation>无法打开文件夹</translation>
    </message>
    <message>
        <source>The file manager could not be opened; the run&apos;s folder is {folder}.</source>
        <translation>无法打开文件管理器；这次运行的文件夹是 {folder}。</translation>
    </message>
    <message>
        <source>Delete the run &apos;{name}&apos;?</source>
        <translation>删除运行“{name}”？</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……以及另外 {count} 次</translation>
    </message>
    <message>
        <source>Delete these {count} runs?</source>
        <translation>删除这 {count} 次运行？</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Their folders, with checkpoints, metrics, samples and exported models, are removed from the disk. This cannot be undone.</source>
        <translation>它们的文件夹（包括检查点、指标、样本和导出的模型）会从磁盘上删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted {count} run.</source>
        <translation>已删除 {count} 次运行。</translation>
    </message>
    <message>
        <source>Deleted {count} runs.</source>
        <translation>已删除 {count} 次运行。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
</context>
<context>
    <name>SampleGridView</name>
    <message>
        <source>The first pictures appear after the first epoch.</source>
        <translation>第一轮结束后会出现第一批图片。</translation>
    </message>
</context>
<context>
    <name>SentenceFileChooser</name>
    <message>
        <source>A text file with a sentence, a tab and its translation on each line: a Tatoeba or Anki download (like fra.txt from manythings.org) or a two-column TSV saved from a spreadsheet.</source>
        <translation>每行是一句话、一个制表符和它的译文的文本文件：从 Tatoeba 或 Anki 下载的句子对文件，或从电子表格另存的两列 TSV 文件。</translation>
    </message>
    <message>
        <source>Choose a fi&amp;le…</source>
        <translation>选择文件(&amp;L)…</translation>
    </message>
    <message>
        <source>T&amp;wo files…</source>
        <translation>两个文件(&amp;W)…</translation>
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
        <source>&apos;Hello&apos; and &apos;hello&apos; become the same word: a small corpus is easier to learn, but the translator will never write capital letters.</source>
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
    <name>SettingsDiffTable</name>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <source>validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>picture size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <source>tokeniser</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>sentence options</source>
        <translation>句子选项</translation>
    </message>
    <message>
        <source>sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>mixed precision</source>
        <translation>混合精度</translation>
    </message>
    <message>
        <source>data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>on {dataset}</source>
        <translation>数据集 {dataset}</translation>
    </message>
    <message>
        <source>Only the settings that are not the same in every chosen run are listed.</source>
        <translation>只列出在所选运行之间不相同的设置。</translation>
    </message>
    <message>
        <source>These runs used the same settings.</source>
        <translation>这些运行使用了相同的设置。</translation>
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
    <name>TextgenTrainView</name>
    <message>
        <source>How surprised the model still is by the next letter of the text: lower is better.
The faint line is every reported step, the dark line its running average; the dots are the validation text, which the model never trains on, checked after each epoch.</source>
        <translation>模型对文本中下一个字母还有多意外：越低越好。
浅色线是每个报告的步骤，深色线是它的滑动平均；圆点是验证文本（模型从不在上面训练），每轮结束后检查一次。</translation>
    </message>
    <message>
        <source>Perplexity: roughly how many letters the model is still hesitating between for the next one (lower is better; 1 would mean it always knows).
The dashed grey line is a model that only knows how common each letter is. The best epoch, the one kept and exported, has the lowest perplexity.</source>
        <translation>困惑度：模型在猜下一个字母时大约还在几个字母之间犹豫（越低越好；1 表示它总是知道）。
灰色虚线是一个只知道每个字母有多常见的模型。困惑度最低的轮次是最佳轮次，会被保留并导出。</translation>
    </message>
    <message>
        <source>What the model writes after each epoch, always from the same opening words (in bold grey).
Early on it is a jumble of letters; words, spaces and punctuation appear as it learns.</source>
        <translation>模型在每轮结束后写出的内容，总是从同样的开头文字（灰色粗体）写起。
一开始是一堆乱七八糟的字母；随着学习，单词、空格和标点会逐渐出现。</translation>
    </message>
    <message>
        <source>Drag left to read what the model wrote after earlier epochs; all the way right always shows the newest.</source>
        <translation>向左拖动可阅读模型在之前轮次后写的内容；拖到最右边总是显示最新的内容。</translation>
    </message>
    <message>
        <source>The first paragraph appears after the first epoch</source>
        <translation>第一轮结束后会出现第一段文字</translation>
    </message>
    <message>
        <source>Perplexity (lower is better)</source>
        <translation>困惑度（越低越好）</translation>
    </message>
    <message>
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <source>loss per letter</source>
        <translation>每个字母的损失</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>each step</source>
        <translation>每一步</translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation>训练（平滑后）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>letter frequency only</source>
        <translation>仅凭字母频率</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>What the model writes</source>
        <translation>模型写的内容</translation>
    </message>
    <message>
        <source>The first paragraph appears after the first epoch.</source>
        <translation>第一轮结束后会出现第一段文字。</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · best · perplexity {perplexity}</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 最佳 · 困惑度 {perplexity}</translation>
    </message>
    <message>
        <source>After epoch:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Epoch {epoch}: perplexity {perplexity} (letter frequency alone: {baseline})</source>
        <translation>第 {epoch} 轮：困惑度 {perplexity}（仅凭字母频率：{baseline}）</translation>
    </message>
    <message>
        <source>Epoch {epoch}: perplexity {perplexity}</source>
        <translation>第 {epoch} 轮：困惑度 {perplexity}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · perplexity {perplexity}</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 困惑度 {perplexity}</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>No epoch finished, so there is no generator to try yet.</source>
        <translation>还没有完成任何一个轮次，所以暂时没有可以试用的生成器。</translation>
    </message>
    <message>
        <source>Best epoch {epoch}.</source>
        <translation>最佳轮次 {epoch}。</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: {recognised}% of samples recognised, {coverage} of {classes} classes, {agreement}% drawn as the class asked for.</source>
        <translation>最佳轮次 {epoch}：{recognised}% 的样本可识别，{coverage}/{classes} 个类别，{agreement}% 画成了要求的类别。</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: {recognised}% of samples recognised, {coverage} of {classes} classes.</source>
        <translation>最佳轮次 {epoch}：{recognised}% 的样本可识别，{coverage}/{classes} 个类别。</translation>
    </message>
    <message>
        <source>No epoch finished, so there is no translator to try yet.</source>
        <translation>还没有完成任何一个轮次，所以暂时没有可以试用的翻译模型。</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: BLEU {bleu}</source>
        <translation>最佳轮次 {epoch}：BLEU {bleu}</translation>
    </message>
    <message>
        <source>{percent} exactly right</source>
        <translation>{percent} 完全正确</translation>
    </message>
    <message>
        <source>held-out test {count} sentences: {score}</source>
        <translation>预留测试集 {count} 个句子：{score}</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>No epoch finished, so there is no text generator to try yet.</source>
        <translation>还没有完成任何一个轮次，所以暂时没有可以试用的文本生成模型。</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: perplexity {perplexity} (letter frequency alone: {baseline}).</source>
        <translation>最佳轮次 {epoch}：困惑度 {perplexity}（仅凭字母频率：{baseline}）。</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: perplexity {perplexity}.</source>
        <translation>最佳轮次 {epoch}：困惑度 {perplexity}。</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>draw new pictures with it</source>
        <translation>用它画新图片</translation>
    </message>
    <message>
        <source>Try the trained generator: draw new pictures in the Playground.</source>
        <translation>试用训练好的生成器：在试用场中画新图片。</translation>
    </message>
    <message>
        <source>translator</source>
        <translation>翻译模型</translation>
    </message>
    <message>
        <source>translate your own sentences with it</source>
        <translation>用它翻译你自己的句子</translation>
    </message>
    <message>
        <source>Try the trained translator: type sentences and read its translations in the Playground.</source>
        <translation>试用训练好的翻译模型：在试用场中输入句子，看看它的译文。</translation>
    </message>
    <message>
        <source>text generator</source>
        <translation>文本生成模型</translation>
    </message>
    <message>
        <source>let it write from your own opening words</source>
        <translation>让它从你给的开头文字接着写</translation>
    </message>
    <message>
        <source>Try the trained text generator: give it a few words and watch it write in the Playground.</source>
        <translation>试用训练好的文本生成模型：在试用场中给它几个词，看它接着写。</translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Open in Pla&amp;yground</source>
        <translation>在试用场中打开(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Train the chosen model on the chosen dataset.</source>
        <translation>用选好的数据集训练选好的模型。</translation>
    </message>
    <message>
        <source>Pause after the current step; press again to continue.</source>
        <translation>在当前步骤结束后暂停；再按一次继续。</translation>
    </message>
    <message>
        <source>End training now. The best model so far is kept and can be evaluated and exported.</source>
        <translation>立即结束训练。目前为止最好的模型会被保留，可以评估和导出。</translation>
    </message>
    <message>
        <source>Press Start training to begin.</source>
        <translation>按“开始训练”即可开始。</translation>
    </message>
    <message>
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy (higher is better)</source>
        <translation>准确率（越高越好）</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>images / second</source>
        <translation>图片数 / 秒</translation>
    </message>
    <message>
        <source>each step</source>
        <translation>每一步</translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation>训练（平滑后）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>per epoch</source>
        <translation>每轮</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Training messages appear here.</source>
        <translation>训练消息会显示在这里。</translation>
    </message>
    <message>
        <source>Loading the training engine… Start becomes available in a moment.</source>
        <translation>正在加载训练引擎……稍后即可开始。</translation>
    </message>
    <message>
        <source>Choose a dataset on the Data page first.</source>
        <translation>请先在“数据”页选择一个数据集。</translation>
    </message>
    <message>
        <source>The training engine is still loading; try again in a moment.</source>
        <translation>训练引擎仍在加载；请稍后再试。</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>正在准备数据……</translation>
    </message>
    <message>
        <source>Loading the run&apos;s data and checkpoint…</source>
        <translation>正在加载这次运行的数据和检查点……</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <source>Pausing after this step…</source>
        <translation>将在这一步结束后暂停……</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stopping: the best model so far is kept.</source>
        <translation>正在停止：目前为止最好的模型会被保留。</translation>
    </message>
    <message>
        <source>{speed} characters/s · learning rate {rate}</source>
        <translation>{speed} 字符/秒 · 学习率 {rate}</translation>
    </message>
    <message>
        <source>{speed} sentence pairs/s · learning rate {rate}</source>
        <translation>{speed} 句子对/秒 · 学习率 {rate}</translation>
    </message>
    <message>
        <source>{speed} images/s</source>
        <translation>{speed} 张图片/秒</translation>
    </message>
    <message>
        <source>{speed} images/s · learning rate {rate}</source>
        <translation>{speed} 张图片/秒 · 学习率 {rate}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · starting…</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 正在开始……</translation>
    </message>
    <message>
        <source>Paused at epoch {epoch}, step {step}. Press Resume to continue.</source>
        <translation>已在第 {epoch} 轮第 {step} 步暂停。按“继续”接着训练。</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · step {step} of {steps} · about {left} left</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 第 {step} 步，共 {steps} 步 · 大约还剩 {left}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · step {step} of {steps}</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>{reason} Best validation accuracy {accuracy}% (epoch {epoch}). Run saved in {folder}</source>
        <translation>{reason} 最佳验证准确率 {accuracy}%（第 {epoch} 轮）。运行记录已保存在 {folder}</translation>
    </message>
    <message>
        <source>The {name} is saved as {path}. Press Open in Playground to {use}.</source>
        <translation>{name}已保存为 {path}。按“在试用场中打开”即可{use}。</translation>
    </message>
    <message>
        <source>Training did not finish.</source>
        <translation>训练没有完成。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
</context>
<context>
    <name>TranslateTrainView</name>
    <message>
        <source>How wrong the model&apos;s guesses of the next word still are: lower is better.
The faint line is every reported step, the dark line its running average; the dots are the validation sentences, which the model never trains on, checked after each epoch.</source>
        <translation>模型对下一个词的猜测还错得有多厉害：越低越好。
浅色线是每个报告的步骤，深色线是它的滑动平均；圆点是验证句子（模型从不在上面训练），每轮结束后检查一次。</translation>
    </message>
    <message>
        <source>Scores of the model&apos;s translations of the validation sentences after each epoch (higher is better).
BLEU (0 to 100) counts how many words and short word sequences match the correct translation.
chrF (0 to 100) does the same letter by letter, so a nearly right word still earns some credit.
Exactly right: the share of sentences translated word for word as the correct answer (shown when the data has one right answer per sentence).
The best epoch by these scores is the one kept and exported.</source>
        <translation>每轮结束后模型翻译验证句子的得分（越高越好）。
BLEU（0 到 100）统计有多少词和短词组与正确译文一致。
chrF（0 到 100）按字母做同样的比较，所以差不多对的词也能得一些分。
完全正确：逐词与正确答案完全一致的句子所占的比例（当数据中每个句子只有一个正确答案时显示）。
按这些得分最佳的轮次会被保留并导出。</translation>
    </message>
    <message>
        <source>The same five validation sentences, translated by the model after each epoch.
Green with a tick: exactly the correct translation. Orange: it differs; the words that are not in the correct translation are in bold red.</source>
        <translation>同样的五个验证句子，每轮结束后由模型翻译一次。
绿色带勾：与正确译文完全一致。橙色：有差别；不在正确译文中的词用红色粗体标出。</translation>
    </message>
    <message>
        <source>Drag left to see how the model translated these sentences after earlier epochs; all the way right always shows the newest.</source>
        <translation>向左拖动可查看模型在之前轮次后如何翻译这些句子；拖到最右边总是显示最新的结果。</translation>
    </message>
    <message>
        <source>The first translations appear after the first epoch</source>
        <translation>第一轮结束后会出现第一批译文</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Correct translation</source>
        <translation>正确译文</translation>
    </message>
    <message>
        <source>Model&apos;s translation</source>
        <translation>模型的译文</translation>
    </message>
    <message>
        <source>A sentence from the validation set: the model never trains on it.</source>
        <translation>验证集中的一个句子：模型从不在上面训练。</translation>
    </message>
    <message>
        <source>The translation given in the dataset.</source>
        <translation>数据集中给出的译文。</translation>
    </message>
    <message>
        <source>What the model writes after the chosen epoch. Green: exactly right. Orange: it differs, and the words not in the correct translation are in bold red.</source>
        <translation>模型在所选轮次后写出的译文。绿色：完全正确。橙色：有差别，不在正确译文中的词用红色粗体标出。</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Translation quality (higher is better)</source>
        <translation>翻译质量（越高越好）</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>each step</source>
        <translation>每一步</translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation>训练（平滑后）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Sample translations</source>
        <translation>翻译示例</translation>
    </message>
    <message>
        <source>{epoch} · {right} of {count} exactly right</source>
        <translation>{epoch} · {right}/{count} 句完全正确</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · best</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮 · 最佳</translation>
    </message>
    <message>
        <source>After epoch:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>exactly right %</source>
        <translation>完全正确 %</translation>
    </message>
    <message>
        <source>Epoch {epoch}: BLEU {bleu} · chrF {chrf}</source>
        <translation>第 {epoch} 轮：BLEU {bleu} · chrF {chrf}</translation>
    </message>
    <message>
        <source>{percent}% exactly right</source>
        <translation>{percent}% 完全正确</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮</translation>
    </message>
    <message>
        <source>Exactly the correct translation.</source>
        <translation>与正确译文完全一致。</translation>
    </message>
    <message>
        <source>Differs from the correct translation: the words in bold red are not in it.</source>
        <translation>与正确译文不同：红色粗体的词不在正确译文中。</translation>
    </message>
</context>
<context>
    <name>TranslatorPanel</name>
    <message>
        <source>This model is a translator: it translates text and does not classify pictures, so open an image classifier to try your pictures.</source>
        <translation>这个模型是翻译模型：它翻译文字，不会给图片分类。想试试你的图片，请打开一个图像分类模型。</translation>
    </message>
    <message>
        <source>Brighter squares: the words the model looked at while writing each word.</source>
        <translation>越亮的方格，表示模型写出每个词时越关注的词。</translation>
    </message>
    <message>
        <source>Type or paste text here. It is translated as you type; each line is translated on its own.</source>
        <translation>在这里输入或粘贴文字。边输入边翻译；每一行单独翻译。</translation>
    </message>
    <message>
        <source>The model&apos;s translation, one line for each line you typed. Select text to copy part of it.</source>
        <translation>模型的译文，你输入的每一行对应一行。选中文字可以复制其中一部分。</translation>
    </message>
    <message>
        <source>How many possible translations the model keeps in mind while it writes. 1 is the fastest and takes the likeliest word each time; a wider search (up to 8) sometimes finds a better translation, but takes longer.</source>
        <translation>模型在写译文时同时考虑多少种可能的译法。1 最快，每次都选最可能的词；更宽的搜索（最多 8）有时能找到更好的译文，但用时更长。</translation>
    </message>
    <message>
        <source>Copy the whole translation to the clipboard.</source>
        <translation>把整段译文复制到剪贴板。</translation>
    </message>
    <message>
        <source>Each row is a word the model wrote, each column a word it read. The brighter a square, the more the model looked at that word while writing the word of its row.</source>
        <translation>每一行是模型写出的一个词，每一列是它读到的一个词。方格越亮，说明模型在写这一行的词时越关注那一列的词。</translation>
    </message>
    <message>
        <source>Put this sentence in the box to translate it.</source>
        <translation>把这句话放进输入框翻译。</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>保加利亚语</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>加泰罗尼亚语</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>捷克语</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>威尔士语</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>丹麦语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Esperanto</source>
        <translation>世界语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>爱沙尼亚语</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>巴斯克语</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>波斯语</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>芬兰语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Irish</source>
        <translation>爱尔兰语</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>加利西亚语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>克罗地亚语</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>匈牙利语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印尼语</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>冰岛语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
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
        <source>Latin</source>
        <translation>拉丁语</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>立陶宛语</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>拉脱维亚语</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>马来语</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>挪威语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>罗马尼亚语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>斯洛伐克语</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>斯洛文尼亚语</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>塞尔维亚语</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>瑞典语</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>斯瓦希里语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>乌尔都语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>the NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <source>(end)</source>
        <translation>（结束）</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>(start)</source>
        <translation>（开始）</translation>
    </message>
    <message>
        <source>(pad)</source>
        <translation>（填充）</translation>
    </message>
    <message>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <source>(space)</source>
        <translation>（空格）</translation>
    </message>
    <message>
        <source>BLEU {score} of 100</source>
        <translation>BLEU {score}（满分 100）</translation>
    </message>
    <message>
        <source>{percent} exactly right</source>
        <translation>{percent} 完全正确</translation>
    </message>
    <message>
        <source>{percent} exactly right on held-out test sentences</source>
        <translation>在留出的测试句子上 {percent} 完全正确</translation>
    </message>
    <message>
        <source>after {count} epoch</source>
        <translation>训练了 {count} 个轮次</translation>
    </message>
    <message>
        <source>after {count} epochs</source>
        <translation>训练了 {count} 个轮次</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Translator, made with ModelDesk</source>
        <translation>翻译模型，由 ModelDesk 制作</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>{model} trained on {dataset}</source>
        <translation>{model}，在 {dataset} 上训练</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>{count} {language} letters and signs</source>
        <translation>{count} 个{language}字母和符号</translation>
    </message>
    <message>
        <source>{count} {language} word pieces</source>
        <translation>{count} 个{language}词片</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source> and </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} 毫秒</translation>
    </message>
    <message>
        <source>words read</source>
        <translation>读到的词</translation>
    </message>
    <message>
        <source>words written</source>
        <translation>写出的词</translation>
    </message>
    <message>
        <source>{tip}
{sentence}</source>
        <translation>{tip}
{sentence}</translation>
    </message>
    <message>
        <source>Search width</source>
        <translation>搜索宽度</translation>
    </message>
    <message>
        <source>1 = fastest, up to {count}</source>
        <translation>1 = 最快，最多 {count}</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Each line is translated on its own.</source>
        <translation>每一行单独翻译。</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Empty the box to type something new.</source>
        <translation>清空输入框，重新输入。</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Try an example:</source>
        <translation>试试例句：</translation>
    </message>
    <message>
        <source>Where the model looked</source>
        <translation>模型关注了哪里</translation>
    </message>
    <message>
        <source>Type something above to see where the model looks while it translates.</source>
        <translation>在上面输入文字，就能看到模型翻译时关注了哪里。</translation>
    </message>
    <message>
        <source>This model translates from {source} into {target}.</source>
        <translation>这个模型把{source}翻译成{target}。</translation>
    </message>
    <message>
        <source>Type {language} here. Each line is translated on its own.</source>
        <translation>在这里输入{language}。每一行单独翻译。</translation>
    </message>
    <message>
        <source>{language} words read</source>
        <translation>读到的{language}词</translation>
    </message>
    <message>
        <source>{language} words written</source>
        <translation>写出的{language}词</translation>
    </message>
    <message>
        <source>There is no translation to copy yet; type some text first.</source>
        <translation>还没有可复制的译文，请先输入一些文字。</translation>
    </message>
    <message>
        <source>Copied the translation.</source>
        <translation>已复制译文。</translation>
    </message>
    <message>
        <source>Translated {count} lines in {time}.</source>
        <translation>已翻译 {count} 行，用时 {time}。</translation>
    </message>
    <message>
        <source>Translated in {time}.</source>
        <translation>已翻译，用时 {time}。</translation>
    </message>
    <message>
        <source> A line was too long for the model, so only its beginning was translated.</source>
        <translation>有一行对模型来说太长，只翻译了开头部分。</translation>
    </message>
    <message>
        <source> Only the first {count} lines are translated.</source>
        <translation>只翻译前 {count} 行。</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>How long the model took to translate, on {where}, with search width {beam}.</source>
        <translation>模型在{where}上以搜索宽度 {beam} 翻译所用的时间。</translation>
    </message>
    <message>
        <source>Shown for the last line: “{line}”.</source>
        <translation>显示的是最后一行：“{line}”。</translation>
    </message>
    <message>
        <source>{tip}
Shown for: {line}</source>
        <translation>{tip}
显示的是：{line}</translation>
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
<context>
    <name>Workers</name>
    <message>
        <source>Something went wrong inside ModelDesk. The details below can help us fix it; they are also in the log file.</source>
        <translation>ModelDesk 内部出了问题。下面的详细信息可以帮助我们修复它；这些信息也已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>WriterPanel</name>
    <message>
        <source>This model writes text; open an image classifier to try pictures.</source>
        <translation>这个模型是写文字的；想试试图片，请打开一个图像分类模型。</translation>
    </message>
    <message>
        <source>These characters are not in the model&apos;s vocabulary and were skipped: {names}.</source>
        <translation>这些字符不在模型的词表里，已被跳过：{names}。</translation>
    </message>
    <message>
        <source>These characters are not in the model&apos;s vocabulary and will be skipped: {names}.</source>
        <translation>这些字符不在模型的词表里，将被跳过：{names}。</translation>
    </message>
    <message>
        <source>Type how the text should begin; the model carries on from there, one character at a time. Leave it empty to let the model start a new paragraph of its own.</source>
        <translation>输入文字的开头，模型会从这里接着写，一次写一个字符。留空则让模型自己开始写新的一段。</translation>
    </message>
    <message>
        <source>Your opening (in grey) and what the model wrote after it (in black), as it is written. Select text to copy part of it.</source>
        <translation>你写的开头（灰色）和模型接着写出的内容（黑色），边写边显示。选中文字可以复制其中一部分。</translation>
    </message>
    <message>
        <source>How many characters (letters, spaces and punctuation) the model writes after your opening.</source>
        <translation>模型在你的开头之后写多少个字符（字母、空格和标点）。</translation>
    </message>
    <message>
        <source>How much the model takes chances. Low values are careful: it picks the likeliest next letter, so the text is safe but can repeat itself; 0 always picks the likeliest. High values are adventurous: more surprising words, and more mistakes. 0.8 is a good start.</source>
        <translation>模型有多敢于冒险。数值低时比较谨慎：它会挑最可能的下一个字母，文字稳妥但可能重复；0 总是挑最可能的。数值高时比较大胆：用词更出人意料，错误也更多。0.8 是不错的起点。</translation>
    </message>
    <message>
        <source>Lets the model choose only among the few likeliest next characters, which keeps it from rare slips. 0 means off: any character can be chosen (how often depends on the temperature).</source>
        <translation>让模型只在最可能的几个下一个字符中挑选，避免偶尔出错。0 表示关闭：任何字符都可能被选中（多常被选中取决于温度）。</translation>
    </message>
    <message>
        <source>The seed decides the model&apos;s random choices. The same seed with the same settings always writes the same text, so you can show it again later; a new seed writes something different.</source>
        <translation>种子决定模型的随机选择。同一个种子加上同样的设置，总会写出同样的文字，所以以后可以再展示一遍；换个种子就会写出不同的内容。</translation>
    </message>
    <message>
        <source>Pick a new random seed and write again.</source>
        <translation>随机换一个新种子，重新写。</translation>
    </message>
    <message>
        <source>Let the model continue your opening (Ctrl+Return). Clicking again while it writes starts over.</source>
        <translation>让模型接着你的开头写下去（Ctrl+Return）。写的过程中再点一次会重新开始。</translation>
    </message>
    <message>
        <source>Stop writing now (Esc); the text written so far stays.</source>
        <translation>立即停止（Esc）；已经写出的文字会保留。</translation>
    </message>
    <message>
        <source>Copy your opening and what the model wrote to the clipboard.</source>
        <translation>把你的开头和模型写的内容复制到剪贴板。</translation>
    </message>
    <message>
        <source>Put this opening in the box, to see how the model continues it.</source>
        <translation>把这个开头放进输入框，看看模型怎么接着写。</translation>
    </message>
    <message>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>the NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>line break</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>carriage return</source>
        <translation>回车符</translation>
    </message>
    <message>
        <source>non-breaking space</source>
        <translation>不换行空格</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Text generator, made with ModelDesk</source>
        <translation>文本生成模型，由 ModelDesk 制作</translation>
    </message>
    <message>
        <source>{model} trained on {dataset}</source>
        <translation>{model}，在 {dataset} 上训练</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>{layers} layer of {cells} memory cells</source>
        <translation>{layers} 层，每层 {cells} 个记忆单元</translation>
    </message>
    <message>
        <source>{layers} layers of {cells} memory cells</source>
        <translation>{layers} 层，每层 {cells} 个记忆单元</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>{count} characters it can read and write</source>
        <translation>能读写 {count} 个字符</translation>
    </message>
    <message>
        <source>{value} on text it never trained on (lower is better)</source>
        <translation>在没训练过的文字上为 {value}（越低越好）</translation>
    </message>
    <message>
        <source>; knowing only how common each character is gives {value}</source>
        <translation>；只知道每个字符有多常见时为 {value}</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>{count} epoch</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>还有 {count} 个</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>likeliest only</source>
        <translation>只选最可能的</translation>
    </message>
    <message>
        <source>careful</source>
        <translation>谨慎</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>adventurous</source>
        <translation>大胆</translation>
    </message>
    <message>
        <source>wild</source>
        <translation>狂野</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{count} character</source>
        <translation>{count} 个字符</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} 个字符</translation>
    </message>
    <message>
        <source>{tip}
{opening}</source>
        <translation>{tip}
{opening}</translation>
    </message>
    <message>
        <source>The model only knows the characters of the text it learned from. The ones named here are left out of what it reads.</source>
        <translation>模型只认识它学过的文字里出现的字符。这里列出的字符在它读的时候会被略过。</translation>
    </message>
    <message>
        <source>Your opening</source>
        <translation>你的开头</translation>
    </message>
    <message>
        <source>How to write</source>
        <translation>怎么写</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>0.00 likeliest only</source>
        <translation>0.00 只选最可能的</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>888 likeliest</source>
        <translation>最可能的 888 个</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>前 k 个</translation>
    </message>
    <message>
        <source>New s&amp;eed</source>
        <translation>换个种子(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>写(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>or Ctrl+Return</source>
        <translation>或按 Ctrl+Return</translation>
    </message>
    <message>
        <source>Try an opening:</source>
        <translation>试试这些开头：</translation>
    </message>
    <message>
        <source>What the model wrote</source>
        <translation>模型写的内容</translation>
    </message>
    <message>
        <source>Type an opening above (or leave it empty), then click Write: the model&apos;s text appears here as it is written.</source>
        <translation>在上面输入开头（也可以留空），然后点“写”：模型写的文字会边写边显示在这里。</translation>
    </message>
    <message>
        <source>Text generator</source>
        <translation>文本生成模型</translation>
    </message>
    <message>
        <source>learned from {dataset}</source>
        <translation>学自 {dataset}</translation>
    </message>
    <message>
        <source>This model writes text like the text it learned from ({dataset}), using the {count} characters it saw there.</source>
        <translation>这个模型会模仿它学过的文字（{dataset}）来写，用的是它在那里见过的 {count} 个字符。</translation>
    </message>
    <message>
        <source>Type the start of a text and the model carries on. For example: “{opening}”</source>
        <translation>输入一段文字的开头，模型会接着写。例如：“{opening}”</translation>
    </message>
    <message>
        <source>Type the start of a text and the model carries on.</source>
        <translation>输入一段文字的开头，模型会接着写。</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>There is no text to copy yet; click Write first.</source>
        <translation>还没有可复制的文字，请先点“写”。</translation>
    </message>
    <message>
        <source>Copied the text.</source>
        <translation>已复制文字。</translation>
    </message>
    <message>
        <source>Writing… {count} of {total}</source>
        <translation>正在写… {count} / {total}</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>Wrote {characters} in {time} ({rate} characters/s) on {where}.</source>
        <translation>写了 {characters}，用时 {time}（每秒 {rate} 个字符），运行于{where}。</translation>
    </message>
    <message>
        <source>Temperature {temperature}, top-k {top_k}, seed {seed}. The same settings and seed write the same text again.</source>
        <translation>温度 {temperature}，前 k 个：{top_k}，种子 {seed}。同样的设置和种子会再次写出同样的文字。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stopped after {characters}.</source>
        <translation>写了 {characters} 后停止。</translation>
    </message>
    <message>
        <source>{value} {words}</source>
        <translation>{value} {words}</translation>
    </message>
    <message>
        <source>{count} likeliest</source>
        <translation>最可能的 {count} 个</translation>
    </message>
    <message>
        <source>The model chooses each character among the {count} it finds likeliest. {tip}</source>
        <translation>模型在它认为最可能的 {count} 个字符中挑选每个字符。{tip}</translation>
    </message>
</context>
</TS>
