// A small synthetic MAINTAINERS file, written from the format the file's own header documents.
export const HEADER = [
  "List of maintainers",
  "===================",
  "",
  "Descriptions of section entries and preferred order",
  "---------------------------------------------------",
  "",
  "\tM: *Mail* patches to: FullName <address@domain>",
  "\tF: *Files* and directories wildcard patterns.",
  "\t   F:\tdrivers/net/\tall files in and below drivers/net",
  "",
  "Maintainers List",
  "----------------",
  "",
  ".. note:: When reading this list, please look for the most precise areas",
  "          first.",
  "",
  "",
].join("\n");

export function maintainersText(...sections: string[][]): string {
  return HEADER + sections.map((s) => s.join("\n")).join("\n\n") + "\n";
}

export const THE_REST = ["THE REST", "M:\tTop Person <top@example.org>", "L:\tall@lists.example.org", "S:\tBuried", "F:\t*", "F:\t*/"];
