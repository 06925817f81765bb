"""`i18ntool check`: every check, its code and its finding, and the families that run them."""
