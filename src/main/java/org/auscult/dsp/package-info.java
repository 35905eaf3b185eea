/**
 * Signal processing that turns a decoded recording into the signal the features are computed on.
 *
 * <h2>Conditioning: {@link org.auscult.dsp.SignalConditioning}</h2>
 * Two steps, in this order, both optional and both recorded with every feature table and model
 * ({@code analysis.rate}, {@code bandpass.low}, {@code bandpass.high}, {@code bandpass.order}):
 * <ol>
 *   <li><b>Resampling</b> ({@link org.auscult.dsp.Resampler}) to the analysis rate, by the reduced rational
 *       factor {@code p/q = f_out / f_in} with polyphase Kaiser-windowed-sinc filters:
 *       <pre>
 *   y[m] = Σ_n x[n] · h[m q − n p + c],    h[k] = p · 2f_c/U · sinc(2f_c (k − c)/U) · I0(β√(1 − ((k − c)/c)²)) / I0(β)
 *       </pre>
 *       at the up-sampled rate {@code U = p f_in}. Pass band to {@code 0.8 f_N}, stop band from {@code f_N}
 *       (the lower Nyquist frequency) attenuated ≥ 80 dB, ripple ≤ 3·10⁻⁴; zero phase, output length
 *       {@code ⌈n p / q⌉}. Down-sampling by four or more runs through twice the target rate in two stages.
 *       {@link org.auscult.dsp.StreamingResampler} gives the same output bit for bit from input pushed in blocks,
 *       which {@link org.auscult.dsp.SignalConditioning#decode} uses to read a WAV straight to the analysis
 *       rate.</li>
 *   <li><b>Band-pass</b> ({@link org.auscult.dsp.BandPassFilter}): a Butterworth band-pass of order n as n
 *       second-order sections, {@code |H(f)|² = 1 / (1 + Ω^(2n))} with {@code Ω = (W² − W₀²) / (W B)},
 *       {@code W = tan(π f / f_s)}, applied forward and backward (zero phase, gain {@code |H|²}) with odd-extension
 *       padding and steady-state initial conditions at both ends.</li>
 * </ol>
 * The defaults, 4000 Hz and 25–900 Hz of order 4, are a measured choice: docs/decisions/analysis-rate-and-filter.md.
 *
 * <p>The package also holds the spectral building blocks of the feature engine (the FFT and the analysis
 * windows). Everything here is free of user-interface code, logs through slf4j when it logs at all, and is
 * thread-safe: designs are immutable, and the resampler's filter banks are built once per rate pair and shared.
 */
package org.auscult.dsp;
