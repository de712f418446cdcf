Reset your Wholesale Market password
