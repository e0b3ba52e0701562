#!/usr/bin/env bash
# Makes the short Mandarin clips the hall screens concatenate into a call when the machine has
# no Chinese text-to-speech voice: 请 / A…Z / 0…9 / 号 / 到 / 十 / 号窗口办理 / 重呼, and a chime.
# Synthesised offline with espeak-ng (Mandarin from pinyin with tone numbers, letters in
# English as halls read them); a hall may replace any file with a recording of the same name.
# Needs: apt-get install espeak-ng sox lame. The output is committed: the server needs none of these.
set -euo pipefail
out="$(dirname "$0")/../assets/audio/zh"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

clip() { # name voice text
  espeak-ng -v "$2" -s 150 -w "$tmp/$1.wav" "$3"
  # Trim the silence espeak leaves around a word, so the clips run together like one sentence.
  sox "$tmp/$1.wav" -r 22050 -c 1 "$tmp/$1-trim.wav" silence 1 0.02 1% reverse silence 1 0.02 1% reverse
  lame --quiet -m m -b 48 "$tmp/$1-trim.wav" "$out/$1.mp3"
}

clip qing cmn-latn-pinyin 'qing3'
clip hao cmn-latn-pinyin 'hao4'
clip dao cmn-latn-pinyin 'dao4'
clip shi cmn-latn-pinyin 'shi2'
clip hao-chuangkou-banli cmn-latn-pinyin 'hao4 chuang1 kou3 ban4 li3'
clip chonghu cmn-latn-pinyin 'chong2 hu1'
digits=(ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3)
for d in "${!digits[@]}"; do clip "$d" cmn-latn-pinyin "${digits[$d]}"; done
for letter in {A..Z}; do clip "$letter" en "$letter"; done

# 叮咚: two soft tones before every call.
sox -n -r 22050 -c 1 "$tmp/ding.wav" synth 0.35 sine 880 fade q 0.01 0.35 0.3 vol 0.6
sox -n -r 22050 -c 1 "$tmp/dong.wav" synth 0.5 sine 660 fade q 0.01 0.5 0.45 vol 0.6
sox "$tmp/ding.wav" "$tmp/dong.wav" "$tmp/chime.wav"
lame --quiet -m m -b 48 "$tmp/chime.wav" "$out/chime.mp3"
echo "clips written to $out"
