/**
 * Norway's common given names, by sex. The data packages' lists miss many of them (`Kjersti`, `Hallvard`) or
 * give the wrong sex (`Kari` is a man's name in Finland, `Tone` is listed as male): the gazetteer knows them as
 * given names from here, and `quotes/gender.ts` takes their sex from here first.
 */

export const NORWEGIAN_FEMALE = `Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria
Elisabeth Kristin Bente Heidi Silje Hanne Gerd Linda Tone Elin Anita Wenche Camilla Grete Kirsten Ragnhild Julie Monica Monika
Hege Ellen Emma Nora Sara Sofie Thea Ingeborg Guro Siri Kjersti Trine Turid Torill Aud Åse Gunn Else Unni Mona Sissel Lene Karin
Cecilie Mette Merete Janne Tove Vigdis Sigrid Runa Synnøve Tuva Maren Mari Marte Malin Helene Line Stine Tonje Kristine Karoline
Vilde Hedda Frida Ingvild Jorunn Oddny Oddrun Reidun Gunhild Eli Åshild Hanna Amalie Ane Mia Lea Ella Kaja Iselin Signe Hilda
Margrethe Margit Magnhild Torunn Toril Laila Lise Lisbeth Grethe Gro Britt Brit Tina Trude Irene Ruth Rut Sigrun Solfrid Marthe
Henriette Johanne Oda Live Selma Tiril Ronja Alma Emilie Mathilde Ragna Gudrun Ranveig Dagny Borghild Kirsti Eldrid Ingunn Ase
Mariann Anette Annette Birgitte Charlotte Christine Kristina Katrine Kathrine Veronica Veronika Victoria Viktoria Nathalie Susanne
Therese Tiina Agnes Aslaug Dagrun Eirin Eline Elise Gunvor Hilde Jenny Kine Kristiane Lillian Lisa Marianne Marlene Mina Rikke
Sunniva Synne Thale Thale Tora Vibeke Wenke Åsa Åsne Ylva Solvor Hedvig Ingri Idun Frøydis Nanna Sølvi Unn Brita
Bodil Torhild Marta Martha Kristi Ellinor Kaia Kamilla Pernille Benedicte Benedikte Ingjerd Jorid Sidsel Ragnfrid
Gunnhild Oddbjørg Hjørdis Klara Clara Olivia Emilia Aurora Astri Elsa Ester Esther Inga Karen Kjellaug Lena Lill Linn
Lone Mildrid Oline Rannveig Sonja Svanhild Tordis Torgunn Torild Ulla Sylvi Sylvia Henny Hildegunn Helga Ingebjørg
Margareth Bergljot Eldbjørg Evy Gøril Gry Ann Renate Rita Ingerid Cathrine Katarina Alva Olaug Ingfrid Jorun Målfrid
Ragnveig Reidunn Åsta`;

export const NORWEGIAN_MALE = `Jan Per Bjørn Ole Lars Kjell Knut Arne Hans Svein Thomas Geir Tor Morten Terje Odd Erik Martin Rune Andreas Jon
Trond Harald Olav Tore Gunnar John Stian Kristian Anders Espen Eirik Øyvind Jonas Magnus Henrik Håkon Sindre Sander Kristoffer
Marius Daniel Even Vegard Sigurd Torbjørn Ola Nils Leif Helge Einar Tom Frode Roar Steinar Kåre Egil Halvor Ivar Asbjørn Øystein
Atle Kyrre Audun Jostein Eivind Erlend Sverre Petter Pål Fredrik Alexander Mathias Emil Tobias Aksel Jakob Filip Elias Oskar
Johannes Sebastian Karl Gard Vidar Yngve Jørgen Ketil Oddvar Arild Bård Dag Finn Gaute Hallvard Runar Torstein Trygve Ulf Åge
Arvid Bjarne Dagfinn Eskil Ståle Tormod Aslak Mads Arnfinn Bjørnar Christian Christoffer Eilif Endre Erling Gisle Glenn Gudmund
Halvard Hallstein Harry Idar Inge Ingvar Isak Jarle Jens Joakim Johan Jonny Jørn Kai Kenneth Kim Kjetil Kolbjørn Kurt Lasse Leiv
Magne Mikkel Nikolai Njål Olaf Oliver Ove Paul Peder Reidar Robert Roger Rolf Ronny Sigmund Simen Sivert Snorre Stein Steffen
Stig Sturla Sveinung Sølve Tarjei Tellef Thor Thorbjørn Torgeir Torkel Torleif Tryggve Vebjørn Vetle Viggo William Yngvar Øivind
Ørjan Åsmund Aleksander Bendik Brage Eigil Embret Erland Fredrik Georg Halfdan Herman Ingebrigt Iver Jacob Jørund Kristen
Lauritz Ludvig Mathis Odin Ragnar Sigve Stian Syver Theodor Torjus Trym Truls Ulrik Vemund Ådne
Asle Bernt Birger Bjarte Didrik Edvard Eldar Eyvind Frank Fridtjof Gjermund Gustav Hallgeir Henning Herbjørn Ingolf
Jonatan Kasper Klaus Kjartan Leon Lukas Martinus Nicolai Noah Oscar Otto Preben Rasmus Rikard Roald Roy Sondre Svend
Thorleif Tollef Torvald Werner Wilhelm Øistein Adrian Benjamin Fabian Hallgrim Hogne Jardar Johnny Karsten Kolbein
Konrad Marcus Markus Oddbjørn Olve Ottar Peter Ragnvald Sigbjørn Sjur Tarald Teodor Torfinn Torgrim Håvard Haakon
Anton Arnt Bent Bernhard Elling Geirmund Halstein Herleif Jarl Remi Robin Tord Vegar Andor Edgar Tommy Mikael Michael
Patrick Steinulf`;
