"""Policy core: customers, products, policies, roles, accounts, premium schedule."""
