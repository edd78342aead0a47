;; TECL Momentum Guard: leveraged technology momentum with volatility protection.
;;
;; The engine is 3x technology (TECL, TQQQ, SOXL). It is only switched on while the Nasdaq-100 trades above
;; its 200-day average, and even then three guards come first:
;;   - blow-off guard: a 10-day RSI above 79 on TECL (or above 81 on SOXL) has historically preceded sharp
;;     pullbacks, so hold volatility (UVXY) with a T-bill cushion instead;
;;   - turbulence guard: when QQQ's annualised 10-day volatility is above 35, step aside into T-bills and
;;     short-term treasuries;
;;   - momentum guard: technology (XLK) must have its percentage price oscillator above its signal line
;;     (a MACD-style confirmation); without it, hold half TECL and half cash.
;; In a downtrend (QQQ below its 200-day average):
;;   - a capitulation (TQQQ 10-day RSI below 31) is bought with TECL for the bounce;
;;   - a still-falling market (QQQ below its 20-day average) holds whichever of SQQQ and TLT is stronger
;;     by 10-day RSI;
;;   - a relief rally holds bonds while their short trend is up (SPY's 5-day return decides between long
;;     and intermediate treasuries), else T-bills.
;;
;; Data: the longest window is 200 trading days; about two years of daily closes are enough.
(defsymphony "TECL Momentum Guard" {:asset-class "EQUITIES" :rebalance-frequency :daily}
  (weight-equal
    [(if (> (current-price "QQQ") (moving-average-price "QQQ" {:window 200}))
       ;; Uptrend.
       [(group "Tech uptrend"
          [(weight-equal
             [(if (> (rsi "TECL" {:window 10}) 79)
                ;; Blow-off in TECL itself.
                [(group "TECL blow-off"
                   [(weight-specified
                      0.5 (asset "UVXY")
                      0.5 (asset "BIL"))])]
                [(if (> (rsi "SOXL" {:window 10}) 81)
                   ;; Blow-off in semiconductors.
                   [(group "SOXL blow-off"
                      [(weight-specified
                         0.4 (asset "UVXY")
                         0.6 (asset "BIL"))])]
                   [(if (> (stdev-return "QQQ" {:window 10}) 35)
                      ;; Turbulent tape: cash-like holdings.
                      [(group "Turbulence"
                         [(weight-equal [(asset "BIL") (asset "SHY")])])]
                      [(if (> (percentage-price-oscillator "XLK" {:short-window 12 :long-window 26})
                              (percentage-price-oscillator-signal "XLK" {:short-window 12 :long-window 26 :smooth-window 9}))
                         ;; Momentum confirmed: the strongest 3x tech fund over the last month.
                         [(group "Momentum leaders"
                            [(filter (moving-average-return {:window 20}) (select-top 1)
                               [(asset "TECL") (asset "TQQQ") (asset "SOXL")])])]
                         ;; Momentum fading: keep one foot in.
                         [(group "Momentum pause"
                            [(weight-specified
                               0.5 (asset "TECL")
                               0.5 (asset "BIL"))])])])])])])])]
       ;; Downtrend.
       [(group "Tech downtrend"
          [(weight-equal
             [(if (< (rsi "TQQQ" {:window 10}) 31)
                ;; Capitulation: buy the bounce.
                [(asset "TECL")]
                [(if (< (current-price "QQQ") (moving-average-price "QQQ" {:window 20}))
                   ;; Still falling: short tech or long bonds, whichever is stronger.
                   [(group "Falling market"
                      [(filter (rsi {:window 10}) (select-top 1)
                         [(asset "SQQQ") (asset "TLT")])])]
                   ;; Relief rally inside a downtrend.
                   [(group "Bear rally"
                      [(weight-equal
                         [(if (> (exponential-moving-average-price "TLT" {:window 10})
                                 (moving-average-price "TLT" {:window 30}))
                            [(if (> (cumulative-return "SPY" {:window 5}) 0)
                               [(asset "IEF")]
                               [(asset "TLT")])]
                            [(asset "BIL")])])])])])])])])]))
