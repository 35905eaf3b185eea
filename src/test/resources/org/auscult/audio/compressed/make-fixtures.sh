#!/usr/bin/env bash
# Makes the FLAC and MP3 fixtures of the decoder tests; run once from this folder, the results are committed.
# Needs flac 1.4, lame 3.100 and sox 14.4 (Debian: apt-get install flac lame sox). The tests need none of them.
set -euo pipefail
cd "$(dirname "$0")"
samples=../../../../../../../sample-recordings/circor

# A real recording, lossless: must decode to the WAV's samples exactly.
flac --silent --best --no-padding --force -o 40058_PV.flac "$samples/40058_PV.wav"

# Synthesised tones, kept with their WAVs: 24-bit stereo (two different tones) and 8-bit mono.
sox -n -r 8000 -c 2 -b 24 tone-stereo-24bit.wav synth 0.25 sine 440 sine 660 gain -3
flac --silent --best --padding=32 --force -o tone-stereo-24bit.flac tone-stereo-24bit.wav
sox -n -r 8000 -c 1 -b 8 tone-8bit.wav synth 0.1 sine 300 gain -6
flac --silent --best --no-padding --force -o tone-8bit.flac tone-8bit.wav

# MP3: 2 s of 440 Hz at 8 kHz mono, 32 kbit/s CBR (MPEG 2.5, an Info tag frame first);
# 1 s of 1000 Hz at 44.1 kHz stereo, VBR (MPEG 1, a Xing tag frame first) between ID3v2 and ID3v1 tags.
sox -n -r 8000 -c 1 -b 16 tone.wav synth 2 sine 440 gain -6
lame --quiet --cbr -b 32 tone.wav tone-440-8k.mp3
sox -n -r 44100 -c 2 -b 16 tone.wav synth 1 sine 1000 gain -6
lame --quiet -V 5 --resample 44.1 --tt "Auscult test tone" --add-id3v2 tone.wav tone-1k-44k-id3.mp3
rm tone.wav
