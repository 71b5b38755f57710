#!/usr/bin/env python3
"""Write Assets/data/corpus.txt: the project's own corpus in the seed's world.

Deterministic (fixed seed, Python standard library only):  python3 scripts/make_corpus.py

One sentence per line, lower-case words and punctuation as tokens separated by single spaces,
every sentence ending with " .". The grammar deliberately gives the language structure that
reaches back more than one word, so a transformer has something a bigram cannot see:
  * number agreement: a subject's number decides a later is/are, was/were, it/they, them;
  * object tracking: "picked up the cats and then put them down";
  * "when the x ..., the x ..." repeats of the same noun;
  * paired openers and closers: "( ... )", "either ... or", "not only ... but also";
  * counting: "count to four : one , two , three , four";
  * topic consistency: every noun keeps its own verbs and objects within a sentence;
  * determiner agreement: "a", "every", "this" take one thing, "two", "some", "these" many;
  * tense agreement with the opener: "yesterday ," leads to past verbs, "today ," to present.
Sentences open in many ways (a determiner, a time or place phrase, "when", "either", "not"),
so after "." a sampler has real choices to make.
"""

import pathlib
import random

SEED = 20261129
TARGET = 3500
OUT = pathlib.Path(__file__).resolve().parent.parent / "Assets" / "data" / "corpus.txt"

# noun -> (plural, actions as (singular, plural, past) verb phrases, adjectives)
NOUNS = {
    "robot": ("robots", [("beeps", "beep", "beeped"), ("rolls home", "roll home", "rolled home"),
                         ("charges its battery", "charge their batteries", "charged"),
                         ("sorts the boxes", "sort the boxes", "sorted the boxes")],
              ["old", "shiny", "tired", "busy"]),
    "cat": ("cats", [("purrs", "purr", "purred"), ("sleeps on the keyboard",
                     "sleep on the keyboard", "slept on the keyboard"),
                     ("chases the mouse", "chase the mouse", "chased the mouse"),
                     ("watches the moon", "watch the moon", "watched the moon")],
            ["sleepy", "hungry", "curious", "small"]),
    "gradient": ("gradients", [("explodes", "explode", "exploded"),
                               ("vanishes", "vanish", "vanished"),
                               ("flows backward", "flow backward", "flowed backward")],
                 ["large", "small", "noisy", "steep"]),
    "moon": ("moons", [("rises", "rise", "rose"), ("glows", "glow", "glowed"),
                       ("orbits the planet", "orbit the planet", "orbited the planet")],
             ["bright", "pale", "full", "distant"]),
    "gpu": ("gpus", [("hums", "hum", "hummed"), ("multiplies matrices", "multiply matrices",
                     "multiplied matrices"), ("heats up", "heat up", "heated up")],
            ["hot", "fast", "busy", "new"]),
    "token": ("tokens", [("enters the context", "enter the context", "entered the context"),
                         ("gets sampled", "get sampled", "got sampled")],
              ["rare", "common", "new", "short"]),
    "model": ("models", [("predicts the next token", "predict the next token",
                          "predicted the next token"), ("learns", "learn", "learned"),
                         ("reads the context", "read the context", "read the context")],
              ["tiny", "large", "clever", "trained"]),
    "lecturer": ("lecturers", [("draws on the board", "draw on the board", "drew on the board"),
                               ("explains attention", "explain attention", "explained attention"),
                               ("asks a question", "ask a question", "asked a question")],
                 ["patient", "tired", "cheerful", "busy"]),
    "dataset": ("datasets", [("grows", "grow", "grew"), ("gets cleaned", "get cleaned",
                             "got cleaned"), ("fits in memory", "fit in memory", "fit in memory")],
                ["large", "clean", "noisy", "small"]),
    "student": ("students", [("takes notes", "take notes", "took notes"),
                             ("trains a model", "train a model", "trained a model"),
                             ("asks a question", "ask a question", "asked a question")],
                ["curious", "tired", "eager", "quiet"]),
}
PEOPLE = {"lecturer", "student"}
# Things a carrier can pick up, with their plurals.
CARRIED = {"cat": "cats", "token": "tokens", "gpu": "gpus", "box": "boxes", "book": "books"}
CARRIERS = ["robot", "lecturer", "student"]
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven"]
# Determiners by number; "the" is the commonest, as in real text.
SINGULAR = ["the"] * 6 + ["a", "a", "a", "every", "my", "our", "this", "that"]
PLURAL = ["the"] * 6 + ["two", "three", "some", "many", "my", "our", "these", "those"]
# Sentence openers that fix the tense of the verbs that follow, and ones that fit either.
OPENERS = {"past": [["yesterday"], ["last", "night"], ["this", "morning"], ["once"]],
           "present": [["today"], ["every", "day"], ["usually"], ["now"]],
           "any": [["at", "night"], ["in", "the", "lab"], ["after", "lunch"]]}


class Maker:
    def __init__(self, rng: random.Random):
        self.r = rng

    def subject(self, noun=None):
        """A noun, its number and the words that name it ("the old robots", "a cat")."""
        noun = noun or self.r.choice(list(NOUNS))
        plural = self.r.random() < 0.4
        det = self.r.choice(PLURAL if plural else SINGULAR)
        words = []
        if self.r.random() < 0.3:
            words.append(self.r.choice(NOUNS[noun][2]))
        words.append(NOUNS[noun][0] if plural else noun)
        if det == "a" and words[0][0] in "aeiou":
            det = "an"
        return noun, plural, [det] + words

    def again(self, noun, plural, subj):
        """A second mention of the same thing: "my robot" stays "my robot", others become "the"."""
        det = subj[0] if subj[0] in ("my", "our", "this", "that", "these", "those") else "the"
        return [det, NOUNS[noun][0] if plural else noun]

    def pronoun(self, noun, plural):
        if plural:
            return "they"
        return self.r.choice(["she", "he"]) if noun in PEOPLE else "it"

    def action(self, noun, plural, tense):
        sing, plur, past = self.r.choice(NOUNS[noun][1])
        return (past if tense == "past" else plur if plural else sing).split()

    def because(self):
        noun, plural, subj = self.subject()
        be = ("were" if plural else "was")
        adj = self.r.choice(NOUNS[noun][2])
        pron = self.pronoun(noun, plural)
        head = subj + self.action(noun, plural, "past")
        if self.r.random() < 0.5:
            return head + ["because", pron, be, adj]
        noun2, plural2, subj2 = self.subject()
        return head + ["because"] + subj2 + self.action(noun2, plural2, "past")

    def so(self):
        """A state and its consequence, told with a pronoun: "the cats were hungry , so they ..."."""
        noun, plural, subj = self.subject()
        be = "were" if plural else "was"
        adj = self.r.choice([a for a in NOUNS[noun][2] if a not in subj])
        pron = self.pronoun(noun, plural)
        return subj + [be, adj, ",", "so", pron] + self.action(noun, plural, "past")

    def when(self):
        noun, plural, subj = self.subject()
        if self.r.random() < 0.7:
            noun2, plural2, subj2 = noun, plural, self.again(noun, plural, subj)
        else:
            noun2, plural2, subj2 = self.subject()
        return (["when"] + subj + self.action(noun, plural, "present") + [","] + subj2
                + self.action(noun2, plural2, "present"))

    def carry(self):
        carrier = self.r.choice(CARRIERS)
        plural = self.r.random() < 0.3
        thing = self.r.choice(list(CARRIED))
        many = self.r.random() < 0.5
        obj = CARRIED[thing] if many else thing
        who = NOUNS[carrier][0] if plural else carrier
        verb = self.r.choice([("picked up", "put", "down"), ("found", "lost", "again"),
                              ("washed", "dried", "carefully")])
        back = "them" if many else "it"
        det = self.r.choice(PLURAL if plural else SINGULAR)
        return ([det, who] + verb[0].split() + ["the", obj, "and", "then", verb[1], back]
                + [verb[2]])

    def describe(self):
        noun, plural, subj = self.subject()
        be = "are" if plural else "is"
        adjs = self.r.sample([a for a in NOUNS[noun][2] if a not in subj], 2)
        tail = [adjs[0]] if self.r.random() < 0.5 else [adjs[0], "and", adjs[1]]
        return subj + [be] + tail

    def paired(self):
        kind = self.r.random()
        noun, plural, subj = self.subject()
        if kind < 0.35:
            be = "were" if plural else "was"
            note = ["which", be, self.r.choice(NOUNS[noun][2])]
            return subj + ["("] + note + [")"] + self.action(noun, plural, "past")
        if kind < 0.7:
            a, b = self.r.sample(NOUNS[noun][1], 2)
            pick = (lambda v: v[1] if plural else v[0])
            return (["either"] + subj + pick(a).split() + ["or"]
                    + self.again(noun, plural, subj) + pick(b).split())
        a, b = self.r.sample(NOUNS[noun][1], 2)
        return (["not", "only", "did"] + subj + a[1].split() + [",", "but"]
                + [self.pronoun(noun, plural), "also"] + b[2].split())

    def count(self):
        n = self.r.randint(2, len(NUMBERS))
        noun = self.r.choice(list(NOUNS))
        who = self.r.choice(["the lecturer", "the student", "the robot", "the model"]).split()
        if self.r.random() < 0.5:
            seq = []
            for i in range(n):
                seq += [NUMBERS[i], noun if i == 0 else NOUNS[noun][0]]
                if i < n - 1:
                    seq.append(",")
            return who + ["counted"] + seq
        seq = []
        for i in range(n):
            seq.append(NUMBERS[i])
            if i < n - 1:
                seq.append(",")
        return who + ["counted", "to", NUMBERS[n - 1], ":"] + seq

    def seed_world(self):
        """Short sentences in the seed's own toy style."""
        noun, plural, subj = self.subject()
        s = subj + self.action(noun, plural, "past")
        if self.r.random() < 0.5:
            noun2, plural2, subj2 = self.subject()
            s += ["and"] + subj2 + self.action(noun2, plural2, "past")
        return s

    def sentence(self):
        makers = [(self.because, "past"), (self.so, "past"), (self.when, "present"),
                  (self.carry, "past"), (self.describe, "present"), (self.paired, None),
                  (self.count, "past"), (self.seed_world, "past")]
        weights = [3, 2, 3, 3, 2, 3, 2, 3]
        make, tense = self.r.choices(makers, weights)[0]
        words = make()
        if tense and self.r.random() < 0.3:
            opener = self.r.choice(OPENERS[tense] + OPENERS["any"])
            words = opener + [","] + words
        return " ".join(words + ["."])


def main():
    maker = Maker(random.Random(SEED))
    seen, lines = set(), []
    while len(lines) < TARGET:
        s = maker.sentence()
        if s not in seen:
            seen.add(s)
            lines.append(s)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    words = {w for line in lines for w in line.split()}
    print(f"wrote {OUT.name}: {len(lines)} sentences, {len(words)} distinct tokens")


if __name__ == "__main__":
    main()
