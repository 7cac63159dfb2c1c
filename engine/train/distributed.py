"""Training on several processes at once (`torchrun`): who this process is, and the few
collective steps the training loop needs.

`torchrun --nproc_per_node N -m engine train ...` starts N copies of the command with RANK,
WORLD_SIZE and LOCAL_RANK in their environment. Each copy trains on its own share of every
epoch's shuffled data; DistributedDataParallel averages the gradients, so all copies hold the
same weights. Only rank 0 writes: the run folder, checkpoints, metrics and the exported model.
Without those variables everything here is a no-op for one process.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from engine.errors import ConfigError
from engine.sentences import Sentence
from engine.train.outcome import run_trainer

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Ranks:
    """This process's place among the training processes."""

    rank: int = 0
    world: int = 1
    local_rank: int = 0  # which GPU of this machine

    @property
    def is_main(self) -> bool:
        """True for the one process that writes files and reports progress."""
        return self.rank == 0

    @property
    def active(self) -> bool:
        """True when more than one process trains together."""
        return self.world > 1

    def shard(self, order: torch.Tensor) -> torch.Tensor:
        """This process's share of an epoch's shuffled indices: every process gets the same
        number (a few samples at the end of the epoch are left out so that they do)."""
        if not self.active:
            return order
        per_rank = len(order) // self.world
        return order[: per_rank * self.world][self.rank :: self.world]


def ranks_from_environment(environ: dict[str, str] | None = None) -> Ranks:
    """The ranks torchrun put in the environment; one process when there are none.

    Raises ConfigError when the variables are there but do not make sense."""
    environ = os.environ if environ is None else environ
    if "WORLD_SIZE" not in environ:
        return Ranks()
    try:
        ranks = Ranks(int(environ.get("RANK", "0")), int(environ["WORLD_SIZE"]), int(environ.get("LOCAL_RANK", "0")))
    except ValueError:
        raise ConfigError(Sentence("The torchrun settings RANK, WORLD_SIZE and LOCAL_RANK must be whole numbers.")) from None
    if ranks.world < 1 or not 0 <= ranks.rank < ranks.world:
        raise ConfigError(Sentence("This process has rank {rank} of {world}, which cannot be; check the torchrun settings.",
                                   rank=ranks.rank, world=ranks.world))
    return ranks


def start(ranks: Ranks, device: torch.device) -> None:
    """Join the other processes (NCCL between GPUs, gloo on CPUs); nothing for one process."""
    if not ranks.active or dist.is_initialized():
        return
    backend = "nccl" if device.type == "cuda" else "gloo"
    log.info("rank %d of %d joining the process group (%s)", ranks.rank, ranks.world, backend)
    dist.init_process_group(backend=backend, rank=ranks.rank, world_size=ranks.world)


def finish(ranks: Ranks) -> None:
    """Leave the process group once every process got here."""
    if ranks.active and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()


def wait_for_all(ranks: Ranks) -> None:
    """Block until every process reaches this point."""
    if ranks.active and dist.is_initialized():
        dist.barrier()


def main_first(ranks: Ranks, load: Callable[[], T]) -> T:
    """`load()` on rank 0 first, then on the others: rank 0 downloads or unpacks what is
    missing, and the other processes read the files it left."""
    if not ranks.is_main:
        wait_for_all(ranks)
    value = load()
    if ranks.is_main:
        wait_for_all(ranks)
    return value


def from_main(ranks: Ranks, make: Callable[[], T]) -> T:
    """`make()` run by rank 0 alone and its (picklable) result handed to every process, so all
    of them hold exactly the same thing, such as a vocabulary learned from the data."""
    if not ranks.active or not dist.is_initialized():
        return make()
    box = [make() if ranks.is_main else None]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def data_parallel(module: nn.Module, ranks: Ranks) -> nn.Module:
    """`module` wrapped so its gradients are averaged over the processes on backward; `module`
    itself for one process. Checkpoints and exports keep using the unwrapped module."""
    return DistributedDataParallel(module) if ranks.active else module


def rank_seed(seed: int, ranks: Ranks) -> int:
    """A seed for this process's own random draws (noise, dropout) that is `seed` itself on
    rank 0, so one process draws what it always drew."""
    return seed + 1_000_003 * ranks.rank


def train_share(make_trainer: Callable[[Path], Any], checkpoint: dict | None) -> tuple[Any, str, str, float]:
    """What a process other than rank 0 does: build a trainer with `make_trainer(folder)` (a
    scratch folder nothing is written to: only rank 0 saves), continue from `checkpoint`, and
    train its share. Returns (trainer, status, reason, seconds)."""
    with tempfile.TemporaryDirectory() as scratch:
        trainer = make_trainer(Path(scratch))
        if checkpoint is not None:
            trainer.load_state(checkpoint)
        started = time.perf_counter()
        status, reason = run_trainer(trainer)
    return trainer, status, reason, time.perf_counter() - started


def sum_over_ranks(tensor: torch.Tensor, ranks: Ranks) -> torch.Tensor:
    """`tensor` added up over all processes (in place; returned for convenience)."""
    if ranks.active and dist.is_initialized():
        dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
    return tensor


def device_for(ranks: Ranks, device: torch.device) -> torch.device:
    """Each process's own GPU on a machine with several; `device` unchanged otherwise."""
    if device.type == "cuda" and ranks.active:
        if ranks.local_rank >= torch.cuda.device_count():
            raise ConfigError(Sentence("This machine has {count} GPUs but torchrun started more processes than that; "
                                       "set --nproc_per_node to the number of GPUs.", count=torch.cuda.device_count()))
        torch.cuda.set_device(ranks.local_rank)
        return torch.device("cuda", ranks.local_rank)
    return device
