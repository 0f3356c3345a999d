"""RecordedGeocoder / RecordingGeocoder and address normalisation."""

import json

import pytest

from naober.geocoding import Geocoder, RecordedGeocoder, RecordingGeocoder, normalise_address


def test_normalise_address():
    assert normalise_address("Hoofdstraat 1, 7901 AB Hoogeveen") == "hoofdstraat 1 7901ab hoogeveen"
    assert (
        normalise_address("HOOFDSTRAAT\t1  7901ab  hoogeveen") == "hoofdstraat 1 7901ab hoogeveen"
    )
    assert normalise_address("") == ""


def test_recorded_answers_from_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(
        json.dumps(
            {
                "Hoofdstraat 1, 7901 AB Hoogeveen": [234567.1, 528765.4],
                "kapot": ["x", 1],
                "half": [1],
            }
        ),
        encoding="utf-8",
    )
    geocoder = RecordedGeocoder.from_file(path)
    assert isinstance(geocoder, Geocoder)
    assert len(geocoder) == 1
    assert geocoder.geocode("hoofdstraat 1 7901AB hoogeveen") == (234567.1, 528765.4)
    assert geocoder.geocode("Onbekend 3") is None
    assert geocoder.geocode("kapot") is None


def test_recorded_file_must_be_an_object(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError):
        RecordedGeocoder.from_file(path)


def test_record_then_replay(tmp_path):
    inner = RecordedGeocoder({"Kerkstraat 2, Roggel": [190001.0, 360002.0]})
    recording = RecordingGeocoder(inner)
    assert recording.geocode("Kerkstraat 2,  Roggel") == (190001.0, 360002.0)
    assert recording.geocode("Nergens") is None
    path = tmp_path / "out.json"
    recording.save(path)
    replay = RecordedGeocoder.from_file(path)
    assert replay.geocode("kerkstraat 2 roggel") == (190001.0, 360002.0)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "kerkstraat 2 roggel": [190001.0, 360002.0]
    }
