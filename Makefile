# Alchemiser — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

CONFIG        ?= Release
STAGE         ?= dev
CLI_OUT       := out/cli
ALCHEMISER    := ./bin/alchemiser
LOCAL_DIR     ?= .local
PRICES        ?= $(LOCAL_DIR)/prices
RUN_DATE      ?= latest
REPORTS       ?= .alchemiser/reports
DOTNET_FLAGS  := --nologo -c $(CONFIG)
FUNCTIONS     := StrategyOrchestrator StrategyWorker SignalAggregator Portfolio Execution Notifications
BUILD_TARGETS := $(addprefix build-,$(FUNCTIONS))
ARTIFACTS     := artifacts

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: help build cli test lint sam-transform run status bench cold-start clean report-check \
        package deploy-dev deploy-prod deploy-ephemeral list-ephemeral destroy-ephemeral reap-ephemeral $(BUILD_TARGETS)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'
	@echo "build-<Function>   what sam build runs per function (BuildMethod: makefile): $(FUNCTIONS)"

build: ## Release build of everything; leaves the ./bin/alchemiser launcher
	dotnet build Alchemiser.sln $(DOTNET_FLAGS)
	$(MAKE) --no-print-directory cli

cli: ## publish only the CLI and write the ./bin/alchemiser launcher
	dotnet publish cli/Alchemiser.Cli/Alchemiser.Cli.csproj $(DOTNET_FLAGS) -o $(CLI_OUT) -p:UseAppHost=false
	@mkdir -p bin
	@printf '#!/usr/bin/env bash\nexec dotnet "$$(dirname "$$0")/../$(CLI_OUT)/alchemiser.dll" "$$@"\n' > $(ALCHEMISER)
	@chmod +x $(ALCHEMISER)
	@echo "built: $(ALCHEMISER)"

test: package ## every test (unit, integration, end to end); packages the six functions first (their handlers are tested)
	dotnet test Alchemiser.sln $(DOTNET_FLAGS)

lint: ## cfn-lint the SAM template (cfn-lint applies the SAM transform itself)
	cfn-lint template.yaml

sam-transform: ## apply the SAM transform to template.yaml offline (samtranslator); writes out/template.transformed.json
	python3 .ci/sam-transform template.yaml

run: cli ## the whole trading day on the embedded default (synthetic prices, SQLite, paper broker, no cloud, no network)
	@if [ ! -d "$(PRICES)" ]; then \
	  $(ALCHEMISER) data synth --out $(PRICES) --strategies strategies/strategies.$(STAGE).json; fi
	$(ALCHEMISER) run --stage $(STAGE) --date $(RUN_DATE) --prices $(PRICES) --db $(LOCAL_DIR)/alchemiser.db --reports $(REPORTS)

status: cli ## the paper account, positions with weights and P&L, and the last runs from the ledger
	$(ALCHEMISER) status --date $(RUN_DATE) --prices $(PRICES) --db $(LOCAL_DIR)/alchemiser.db

report-check: ## render a run report in headless Chromium, fail on console output or a blank page (REPORT=file.html; default: the sample run's)
	.ci/report-check $(REPORT)

bench: cli ## performance figures: the strategy engine, a simulated trading day, and each function's cold start (tables + JSON)
	$(ALCHEMISER) bench
	$(MAKE) --no-print-directory cold-start

cold-start: package ## each packaged function's cold start (fresh process -> first event handled) on moto + the local Alpaca server
	dotnet publish tests/Alchemiser.Lambda.FunctionHost $(DOTNET_FLAGS) -o out/function-host
	dotnet build tests/Alchemiser.Lambda.ColdStart $(DOTNET_FLAGS)
	dotnet tests/Alchemiser.Lambda.ColdStart/bin/$(CONFIG)/net10.0/Alchemiser.Lambda.ColdStart.dll $(ARTIFACTS) out/function-host/Alchemiser.Lambda.FunctionHost.dll --json out/cold-start.json

# ---- Deploying (SAM). Every deploy target takes DRY_RUN=1: it prints the sam/aws commands instead of running them.
# sam build calls build-<LogicalId> with ARTIFACTS_DIR set; the logic of the deploy targets lives in .ci/deploy.
$(BUILD_TARGETS): build-%:
	$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: sam build sets it; use make package for local artifacts))
	dotnet publish functions/$*/Alchemiser.$*.csproj --nologo -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o $(ARTIFACTS_DIR)

package: ## publish the six functions into artifacts/<Name>/ and zip each (offline), with their sizes
	@rm -rf $(ARTIFACTS) && mkdir -p $(ARTIFACTS)
	@for f in $(FUNCTIONS); do \
	  $(MAKE) --no-print-directory build-$$f ARTIFACTS_DIR=$(CURDIR)/$(ARTIFACTS)/$$f || exit 1; \
	  (cd $(ARTIFACTS)/$$f && python3 -m zipfile -c ../$$f.zip *) || exit 1; \
	done
	@du -h $(ARTIFACTS)/*.zip

deploy-dev: ## sam build + deploy the alchemiser-dev stack (samconfig.toml [dev]; DRY_RUN=1 prints the commands)
	.ci/deploy deploy dev

deploy-prod: ## sam build + deploy the alchemiser-prod stack, paper unless TRADING_MODE=live CONFIRM_LIVE=yes (DRY_RUN=1)
	.ci/deploy deploy prod

deploy-ephemeral: ## deploy alchemiser-ephem-<branch>-<sha> (Stage=ephemeral) tagged to expire in TTL_HOURS=24 (DRY_RUN=1)
	.ci/deploy deploy-ephemeral

list-ephemeral: ## the ephemeral stacks and when they expire
	.ci/deploy list-ephemeral

destroy-ephemeral: ## empty the buckets of STACK=alchemiser-ephem-... and delete it; refuses any other stack (DRY_RUN=1)
	.ci/deploy destroy-ephemeral "$(STACK)"

reap-ephemeral: ## destroy every ephemeral stack whose ttl-expires-at is past (DRY_RUN=1)
	.ci/deploy reap-ephemeral

clean: ## remove build output and local data
	rm -rf bin out $(ARTIFACTS) $(LOCAL_DIR) .alchemiser
	dotnet clean Alchemiser.sln $(DOTNET_FLAGS) >/dev/null
