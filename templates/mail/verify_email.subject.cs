Confirm your email address for Wholesale Market
