-- SPDX-FileCopyrightText: 2025 Mads R. Havmand <mads@v42.dk>
--
-- SPDX-License-Identifier: AGPL-3.0-only

CREATE INDEX CONCURRENTLY idx_billing_user_period ON billing_summaries(user_id, period_start DESC, period_end DESC);