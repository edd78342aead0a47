;; Nuclear Renaissance: an energy / nuclear tilt with a volatility hedge.
;;
;; How it reads, top to bottom (the first test that fires decides):
;;   1. Blow-off guard. When the broad market is stretched (10-day RSI of SPY or QQQ at an extreme), the
;;      following weeks tend to give some of it back. Hold a volatility fund with a T-bill cushion.
;;   2. Washed-out market. When SPY's 10-day RSI is deeply oversold, buy the bounce with a 3x index fund,
;;      choosing the most oversold candidate (lowest RSI).
;;   3. Bull regime (SPY above its 200-day average): own the nuclear / uranium / energy complex. The three
;;      strongest nuclear names by 60-day average daily return are balanced by inverse volatility against an
;;      energy anchor (best 60-day cumulative return of three energy funds).
;;   4. Bear regime: a small nuclear sleeve survives only while uranium miners are not in a deep drawdown
;;      (the calmest two names by 20-day volatility); the rest goes to long bonds when their short trend is up,
;;      else to T-bills.
;;
;; Data: every window is at most 200 trading days, so about two years of daily closes are plenty. OKLO and SMR
;; have short histories; they only appear as filter candidates, where a name without enough history is
;; dropped instead of failing the evaluation.
(defsymphony "Nuclear Renaissance" {:asset-class "EQUITIES" :rebalance-frequency :daily}
  (weight-equal
    [(if (> (rsi "SPY" {:window 10}) 79)
       ;; 1a. S&P 500 overbought: three quarters volatility, one quarter cash.
       [(group "SPY blow-off hedge"
          [(weight-specified
             0.75 (asset "UVXY")
             0.25 (asset "BIL"))])]
       [(if (> (rsi "QQQ" {:window 10}) 81)
          ;; 1b. Nasdaq overbought on its own: the less leveraged VIX fund, more cash.
          [(group "QQQ blow-off hedge"
             [(weight-specified
                0.6 (asset "VIXY")
                0.4 (asset "BIL"))])]
          [(if (< (rsi "SPY" {:window 10}) 30)
             ;; 2. Oversold: the most oversold of three 3x index funds.
             [(group "Oversold rebound"
                [(filter (rsi {:window 10}) (select-bottom 1)
                   [(asset "UPRO") (asset "TQQQ") (asset "TNA")])])]
             [(if (> (current-price "SPY") (moving-average-price "SPY" {:window 200}))
                ;; 3. Bull regime: nuclear leaders and an energy anchor, weighted by inverse 20-day volatility.
                [(group "Nuclear bull"
                   [(weight-inverse-volatility 20
                      [(group "Nuclear leaders"
                         [(filter (moving-average-return {:window 60}) (select-top 3)
                            [(asset "NLR") (asset "URA") (asset "URNM") (asset "CCJ")
                             (asset "SMR") (asset "OKLO") (asset "BWXT") (asset "LEU")])])
                       (group "Energy anchor"
                         [(filter (cumulative-return {:window 60}) (select-top 1)
                            [(asset "XLE") (asset "VDE") (asset "XOP")])])])])]
                ;; 4. Bear regime: 30% nuclear sleeve (or cash), 70% bonds or cash.
                [(group "Nuclear bear"
                   [(weight-specified
                      0.3 (if (< (max-drawdown "URA" {:window 60}) 20)
                            ;; uranium is holding up: keep the two calmest nuclear funds
                            [(filter (stdev-return {:window 20}) (select-bottom 2)
                               [(asset "NLR") (asset "URA") (asset "CCJ")])]
                            [(asset "BIL")])
                      0.7 (if (> (exponential-moving-average-price "TLT" {:window 20})
                                 (moving-average-price "TLT" {:window 50}))
                            ;; bonds trending up: split long and intermediate treasuries
                            [(weight-equal [(asset "TLT") (asset "IEF")])]
                            ;; bonds falling too: T-bills
                            [(asset "BIL")]))])])])])])]))
