/**
 * Whether a person's given name is a woman's or a man's, for resolving `hun` and `han`. Norway's common given
 * names are listed here, because the data packages' word on them is unreliable (`Kari` is a man's name in
 * Finland, `Tone` is listed as male); any other name goes to the gazetteer's lists, where the locales agree.
 */
import { FEMALE_NAME, MALE_NAME, gazetteer } from '../entities/gazetteer';

export type Sex = 'female' | 'male';

const NORWEGIAN_FEMALE = `Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria
Elisabeth Kristin Bente Heidi Silje Hanne Gerd Linda Tone Elin Anita Wenche Camilla Grete Kirsten Ragnhild Julie Monica Monika
Hege Ellen Emma Nora Sara Sofie Thea Ingeborg Guro Siri Kjersti Trine Turid Torill Aud Åse Gunn Else Unni Mona Sissel Lene Karin
Cecilie Mette Merete Janne Tove Vigdis Sigrid Runa Synnøve Tuva Maren Mari Marte Malin Helene Line Stine Tonje Kristine Karoline
Vilde Hedda Frida Ingvild Jorunn Oddny Oddrun Reidun Gunhild Eli Åshild Hanna Amalie Ane Mia Lea Ella Kaja Iselin Signe Hilda
Margrethe Margit Magnhild Torunn Toril Laila Lise Lisbeth Grethe Gro Britt Brit Tina Trude Irene Ruth Rut Sigrun Solfrid Marthe
Henriette Johanne Oda Live Selma Tiril Ronja Alma Emilie Mathilde Ragna Gudrun Ranveig Dagny Borghild Kirsti Eldrid Ingunn Ase
Mariann Anette Annette Birgitte Charlotte Christine Kristina Katrine Kathrine Veronica Veronika Victoria Viktoria Nathalie Susanne
Therese Tiina Agnes Aslaug Dagrun Eirin Eline Elise Gunvor Hilde Jenny Kine Kristiane Lillian Lisa Marianne Marlene Mina Rikke
Sunniva Synne Thale Thale Tora Vibeke Wenke Åsa Åsne Ylva Solvor Hedvig Ingri Idun Frøydis Nanna Sølvi Unn Brita`;

const NORWEGIAN_MALE = `Jan Per Bjørn Ole Lars Kjell Knut Arne Hans Svein Thomas Geir Tor Morten Terje Odd Erik Martin Rune Andreas Jon
Trond Harald Olav Tore Gunnar John Stian Kristian Anders Espen Eirik Øyvind Jonas Magnus Henrik Håkon Sindre Sander Kristoffer
Marius Daniel Even Vegard Sigurd Torbjørn Ola Nils Leif Helge Einar Tom Frode Roar Steinar Kåre Egil Halvor Ivar Asbjørn Øystein
Atle Kyrre Audun Jostein Eivind Erlend Sverre Petter Pål Fredrik Alexander Mathias Emil Tobias Aksel Jakob Filip Elias Oskar
Johannes Sebastian Karl Gard Vidar Yngve Jørgen Ketil Oddvar Arild Bård Dag Finn Gaute Hallvard Runar Torstein Trygve Ulf Åge
Arvid Bjarne Dagfinn Eskil Ståle Tormod Aslak Mads Arnfinn Bjørnar Christian Christoffer Eilif Endre Erling Gisle Glenn Gudmund
Halvard Hallstein Harry Idar Inge Ingvar Isak Jarle Jens Joakim Johan Jonny Jørn Kai Kenneth Kim Kjetil Kolbjørn Kurt Lasse Leiv
Magne Mikkel Nikolai Njål Olaf Oliver Ove Paul Peder Reidar Robert Roger Rolf Ronny Sigmund Simen Sivert Snorre Stein Steffen
Stig Sturla Sveinung Sølve Tarjei Tellef Thor Thorbjørn Torgeir Torkel Torleif Tryggve Vebjørn Vetle Viggo William Yngvar Øivind
Ørjan Åsmund Aleksander Bendik Brage Eigil Embret Erland Fredrik Georg Halfdan Herman Ingebrigt Iver Jacob Jørund Kristen
Lauritz Ludvig Mathis Odin Ragnar Sigve Stian Syver Theodor Torjus Trym Truls Ulrik Vemund Ådne`;

const table = new Map<string, Sex>();
for (const name of NORWEGIAN_FEMALE.split(/\s+/)) table.set(name, 'female');
for (const name of NORWEGIAN_MALE.split(/\s+/)) table.set(name, 'male');

/** The sex a given name tells (its first part for `Anne-Lise`), or undefined when it does not. */
export function sexOfGivenName(name: string): Sex | undefined {
  const first = name.split('-')[0];
  const listed = table.get(first);
  if (listed) return listed;
  const kinds = gazetteer.kinds(first);
  if (kinds & FEMALE_NAME) return 'female';
  if (kinds & MALE_NAME) return 'male';
  return undefined;
}
