package selector

func parsePhone(in, region string) Selector            { return invalid(Phone, "todo") }
func parseEmail(in string) Selector                    { return invalid(Email, "todo") }
func parseURL(in string) Selector                      { return invalid(URL, "todo") }
func parseDomain(in string) Selector                   { return invalid(Domain, "todo") }
func parseIBAN(in string) Selector                     { return invalid(IBAN, "todo") }
func parseBank(in, region string) Selector             { return invalid(Bank, "todo") }
func parseIP(in string) Selector                       { return invalid(IP, "todo") }
func parseAccount(k Kind, in string, o Options) Selector { return invalid(k, "todo") }
func urlHost(canonical string) string                  { return "" }
func isIPLiteral(h string) bool                        { return false }
func hasAccountURLPrefix(l string) bool                { return false }
