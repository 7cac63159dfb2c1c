"""What a training run reports while it works. The GUI turns these into Qt signals; the
command line into progress lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.sentences import Sentence


@dataclass(frozen=True)
class TrainingStarted:
    run_dir: str
    device: str
    model_name: str
    parameters: int
    train_size: int
    val_size: int
    epochs: int
    steps_per_epoch: int
    start_epoch: int  # 1 unless resumed
    items: str = Sentence("images")  # what train_size counts: "images", "sentence pairs", "characters"
    earlier: tuple = ()  # after a resume: events that redraw the epochs already trained (`replay_events`)


@dataclass(frozen=True)
class BatchEnd:
    epoch: int
    step: int  # 1-based within the epoch
    steps_per_epoch: int
    global_step: int
    loss: float  # mean training loss over the batches since the previous BatchEnd


@dataclass(frozen=True)
class EpochEnd:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    learning_rate: float
    samples_per_second: float
    seconds: float  # wall time of this epoch
    is_best: bool


@dataclass(frozen=True)
class Paused:
    epoch: int
    step: int


@dataclass(frozen=True)
class TrainingFinished:
    status: str  # "finished", "stopped" (by the user or early stopping), "failed"
    reason: str  # a plain sentence: why it ended
    epochs_done: int
    best_epoch: int
    best_val_accuracy: float
    best_val_loss: float
    seconds: float
    run_dir: str
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Status:
    """A step of the preparation worth telling the user about ("Training the reference classifier…")."""

    message: str


@dataclass(frozen=True)
class GanBatchEnd:
    epoch: int
    step: int  # 1-based within the epoch
    steps_per_epoch: int
    global_step: int
    d_loss: float  # discriminator loss, mean since the previous GanBatchEnd
    g_loss: float  # generator loss
    d_real: float  # mean D(x): how "real" the discriminator finds real pictures (0..1)
    d_fake: float  # mean D(G(z)): how "real" it finds generated ones (0..1)


@dataclass(frozen=True)
class GanEpochEnd:
    epoch: int
    epochs: int
    d_loss: float
    g_loss: float
    d_real: float
    d_fake: float
    recognised: float  # share of samples the reference classifier recognises with confidence >= 0.9
    coverage: int  # how many classes appear among the recognised samples
    num_classes: int
    agreement: float | None  # conditional models: share of samples recognised as the class asked for
    samples_per_second: float  # training images per second
    seconds: float
    is_best: bool


@dataclass(frozen=True)
class SamplesReady:
    """A grid of samples from the fixed noise batch: uint8 (H, W, C)."""

    epoch: int  # the epoch being trained (or just finished when `epoch_end`)
    global_step: int
    grid: object  # numpy uint8 array
    epoch_end: bool


@dataclass(frozen=True)
class TranslateEpochEnd:
    """The end of a translation epoch: losses, validation scores, and a few sample translations."""

    epoch: int
    epochs: int
    train_loss: float
    val_loss: float
    token_accuracy: float  # share of validation target tokens predicted right under teacher forcing
    bleu: float  # corpus BLEU (sacrebleu), 0..100, of greedy translations of the validation set
    chrf: float  # chrF (sacrebleu), 0..100
    exact_match: float | None  # share translated exactly right, where one right answer exists (numbers)
    samples: tuple  # ((source, reference, translation), ...) for the same validation sentences every epoch
    learning_rate: float
    samples_per_second: float  # training sentence pairs per second
    seconds: float
    is_best: bool


@dataclass(frozen=True)
class TextgenEpochEnd:
    """The end of a text-generation epoch: losses, validation perplexity, and a paragraph the
    model wrote from the same prompt every epoch."""

    epoch: int
    epochs: int
    train_loss: float  # mean cross-entropy per character (nats)
    val_loss: float
    val_perplexity: float  # exp(val_loss): how many characters the model hesitates between, on average
    sample: str  # what the model wrote after `prompt` (the prompt not repeated)
    learning_rate: float
    samples_per_second: float  # training characters per second
    seconds: float
    is_best: bool  # the lowest validation loss so far
    prompt: str = ""  # the text the sample continues
    unigram_perplexity: float = 0.0  # the same measure for guessing by character frequency alone (the baseline)


Event = (TrainingStarted | BatchEnd | EpochEnd | Paused | TrainingFinished | Status | GanBatchEnd | GanEpochEnd
         | SamplesReady | TranslateEpochEnd | TextgenEpochEnd)
