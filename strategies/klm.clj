;; KLM Ensemble: four small rule sets ("variants") that each make their own call, and a selector that
;; follows whichever variants have been working lately.
;;
;; Variants (each a group with its own if-tree, so the ensemble can score its recent track record):
;;   A. Overbought ladder - walks down a list of 10-day RSI blow-off checks (Nasdaq, S&P, tech, semis) and
;;      hedges with volatility at the first one that fires; otherwise rides the strongest 3x index fund.
;;   B. Oversold ladder   - buys the first leveraged fund that is capitulating (10-day RSI in the low 30s or
;;      below); otherwise holds the two laggards of four broad ETFs (lowest 20-day RSI: mean reversion).
;;   C. Trend follower    - in a rising market (20-day EMA of SPY above its 100-day average) holds the two
;;      3x funds with the best 20-day average return; otherwise the defensive asset (treasuries, gold, dollar)
;;      with the smallest 20-day drawdown.
;;   D. Bond signal       - when intermediate treasuries beat T-bills over 20 days (easing rates), risk on;
;;      when SPY is in a drawdown of more than 8% over 20 days, T-bills; else unlevered index funds.
;;
;; Ensemble: the two variants whose holdings earned the best 10-day average daily return get 80% of the
;; portfolio, equally. The other 20% is ballast (treasuries and gold) weighted by inverse 20-day volatility.
;;
;; Data: the longest window is 100 trading days, scored 10 days back; about two years of history suffice.
(defsymphony "KLM Ensemble" {:asset-class "EQUITIES" :rebalance-frequency :daily}
  (weight-specified
    0.8 (group "Variant ensemble"
          [(filter (moving-average-return {:window 10}) (select-top 2)
             [(group "KLM variant A: overbought ladder"
                [(weight-equal
                   [(if (> (rsi "QQQ" {:window 10}) 79)
                      [(asset "UVXY")]
                      [(if (> (rsi "SPY" {:window 10}) 79)
                         [(asset "UVXY")]
                         [(if (> (rsi "XLK" {:window 10}) 80)
                            [(asset "VIXY")]
                            [(if (> (rsi "SOXX" {:window 10}) 82)
                               [(asset "VIXY")]
                               [(filter (moving-average-return {:window 5}) (select-top 1)
                                  [(asset "TQQQ") (asset "UPRO") (asset "TECL")])])])])])])])
              (group "KLM variant B: oversold ladder"
                [(weight-equal
                   [(if (< (rsi "TQQQ" {:window 10}) 31)
                      [(asset "TQQQ")]
                      [(if (< (rsi "SOXL" {:window 10}) 30)
                         [(asset "SOXL")]
                         [(if (< (rsi "UPRO" {:window 10}) 29)
                            [(asset "UPRO")]
                            [(filter (rsi {:window 20}) (select-bottom 2)
                               [(asset "SPY") (asset "QQQ") (asset "IWM") (asset "XLK")])])])])])])
              (group "KLM variant C: trend follower"
                [(weight-equal
                   [(if (> (exponential-moving-average-price "SPY" {:window 20})
                           (moving-average-price "SPY" {:window 100}))
                      [(filter (moving-average-return {:window 20}) (select-top 2)
                         [(asset "TQQQ") (asset "UPRO") (asset "TECL") (asset "SOXL")])]
                      [(filter (max-drawdown {:window 20}) (select-bottom 1)
                         [(asset "TLT") (asset "IEF") (asset "GLD") (asset "UUP")])])])])
              (group "KLM variant D: bond signal"
                [(weight-equal
                   [(if (> (cumulative-return "IEF" {:window 20}) (cumulative-return "BIL" {:window 20}))
                      [(weight-equal [(asset "TQQQ") (asset "UPRO")])]
                      [(if (> (max-drawdown "SPY" {:window 20}) 8)
                         [(asset "BIL")]
                         [(weight-equal [(asset "SPY") (asset "QQQ")])])])])])])])
    0.2 (group "Ballast"
          [(weight-inverse-volatility 20
             [(asset "IEF") (asset "TLT") (asset "GLD")])])))
