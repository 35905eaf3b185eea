/**
 * Audio input and output: decoding recordings (WAV, FLAC, MP3) to mono float samples, reading their headers for
 * fast browsing, writing WAV files atomically, and describing a recording's level and problems.
 *
 * <h2>One entry point ({@link org.auscult.audio.RecordingDecoder})</h2>
 * A recording is decoded by what its first bytes show ({@link org.auscult.audio.AudioFiles#detect}), whatever its
 * name: RIFF/WAVE by {@link org.auscult.audio.WavDecoder} (below), {@code fLaC} by jFLAC and an ID3v2 tag or an MPEG
 * frame sync by JLayer, into memory, with the same scaling and downmix as WAV; a FLAC made from a WAV decodes to
 * the WAV's samples exactly, an MP3 to what JLayer gives (its priming delay and padding included). Ogg, MP4/M4A,
 * AIFF, AAC, WMA and unknown formats are refused naming the format found and an ffmpeg command that converts the
 * file. {@link org.auscult.audio.AudioFiles#EXTENSIONS} is the one list of names recordings go by
 * (docs/decisions/compressed-audio.md).
 *
 * <h2>WAV formats decoded ({@link org.auscult.audio.WavDecoder})</h2>
 * RIFF/WAVE, little-endian, with the samples in the first data chunk:
 * <ul>
 *   <li>PCM integer (format tag 1): 8-bit unsigned, 16, 24 and 32-bit signed two's complement;</li>
 *   <li>IEEE float (format tag 3): 32 and 64-bit;</li>
 *   <li>WAVE_FORMAT_EXTENSIBLE (0xFFFE) whose sub-format GUID is PCM or IEEE float, including fewer valid bits
 *       than the container (e.g. 20 in 24), the valid bits being the most significant ones;</li>
 *   <li>1 to 64 channels; sample rates from 1 kHz to 192 kHz;</li>
 *   <li>any other chunks anywhere (LIST/INFO, fact, cue, unknown ones), odd-sized chunks with their pad byte.</li>
 * </ul>
 * Anything else (ADPCM, mu-law, A-law, MP3 in WAV, RIFX, RF64, or a file that is not WAV at all) is refused with
 * an {@link org.auscult.audio.UnreadableAudioException} naming the file and the problem.
 *
 * <h2>Scaling to full-scale floats</h2>
 * <ul>
 *   <li>b-bit signed integer v (b = 16, 24, 32): {@code x = v / 2^(b-1)}, so int16 becomes {@code v / 32768}
 *       exactly, as in librosa; the range is [-1, 1 - 2^(1-b)];</li>
 *   <li>8-bit unsigned u: {@code x = (u - 128) / 128};</li>
 *   <li>float: kept as is (64-bit values rounded to the nearest float); NaN and infinite samples are refused, and
 *       so are samples more than 1000 times full scale (+60 dBFS), which no recording of sound holds.</li>
 * </ul>
 * The divisor is that of the container, not of the valid bits: left-justified 20-bit samples in 24-bit
 * containers land at the same full scale.
 *
 * <h2>Downmix to mono</h2>
 * {@code x[n] = (1/C) * sum_{c=1..C} x_c[n]}: the arithmetic mean of the C channels. The mean keeps the level of
 * identical channels (a mono recording stored as stereo decodes to the same samples as the mono file), and it
 * cannot leave the full-scale range, unlike the sum. For integer formats the sum of the channel values is exact
 * and divided once, so the result is the exact mean rounded once to a float. Channels in opposite phase cancel (a
 * lead wired the wrong way round): when the mean of a WAV's channels is 40 dB or more below its louder channel, or
 * 20 dB and no longer following it (over at least a second: the leads' own noise is all that is left), that
 * channel alone is decoded, with a warning saying so ({@code ChannelMixdown}); the waveform view and playback still
 * show the mean.
 *
 * <h2>Tolerance</h2>
 * Defects common in real files are tolerated and reported as warnings in
 * {@link org.auscult.audio.DecodedAudio#warnings()}: a RIFF size that does not match the file, a data chunk that
 * claims more bytes than the file holds (the complete frames present are decoded), a data size that is not a
 * whole number of frames, a wrong byte rate, a missing pad byte, a second data chunk, trailing bytes.
 *
 * <h2>Resources</h2>
 * No buffer is sized from a declared length: headers are read from a small prefix, samples in blocks of at most
 * 4 MiB, so decoding needs the float array plus one block. A recording too large for a Java array or for the
 * heap is refused before any sample is read. {@link org.auscult.audio.WavDecoder#stream} hands the samples over
 * block by block and gathers their {@link org.auscult.audio.SignalLevels} on the way, so a recording of any length
 * can be measured ({@link org.auscult.audio.RecordingInfo#read}) or resampled
 * ({@code SignalConditioning.decode}) without ever existing as one array at its own rate; the
 * {@link org.auscult.audio.MemoryBudget} shares the heap between recordings analysed at once and refuses, by
 * file name, one whose analysis cannot fit (docs/decisions/bounded-memory-analysis.md).
 */
package org.auscult.audio;
