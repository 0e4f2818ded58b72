"""Passphrase strength with zxcvbn: common patterns, Dutch words, names and the adviser's own words."""
from __future__ import annotations

import pytest

from app.store.passphrase import strength


@pytest.mark.parametrize("weak", ["geheim12", "P@ssw0rd!", "Amsterdam1!", "Welkom01Welkom01", "wachtwoord",
                                  "12345678", "Welkom01", "kort"])
def test_common_and_dutch_patterns_do_not_pass(weak):
    assert strength(weak) < 2, weak


@pytest.mark.parametrize("good", ["fiets lamp regen koffie", "Zonnige-Kaas-Tafel-83", "correct paard batterij nietje"])
def test_a_few_random_words_are_strong(good):
    assert strength(good) >= 3


def test_organisation_names_count_as_guessable():
    p = "Gemeente Voorbeeld 2026"
    assert strength(p, ["Gemeente Voorbeeld"]) < strength(p)


def test_names_from_the_lists_and_spaces_do_not_make_it_strong():
    assert strength("Jan de Vries 1985") <= strength("JandeVries1985") + 1
    assert strength("Fatima Yilmaz") < 3


def test_very_long_input_is_judged_without_error():
    assert strength("lang " * 100) >= 0


def test_known_words_of_the_open_vault_count_until_cleared():
    from app.store import passphrase
    p = "Stichting Zonnebloem 2026"
    before = strength(p)
    passphrase.set_known_words(["Stichting Zonnebloem"])
    try:
        assert strength(p) < before
    finally:
        passphrase.set_known_words([])
    assert strength(p) == before
