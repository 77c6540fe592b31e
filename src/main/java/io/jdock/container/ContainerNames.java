package io.jdock.container;

import java.util.Random;
import java.util.function.Predicate;

/**
 * docker's generated container names ({@code moby internal/namesgenerator}): an adjective and a
 * notable scientist or hacker, {@code focused_turing}, never {@code boring_wozniak} (Steve Wozniak
 * is not boring). A name that is taken is tried again with a random digit appended, five more
 * times, then the short ID is used, as the daemon does ({@code daemon/names.go}).
 */
public final class ContainerNames {
  private static final String[] LEFT =
      words(
          "admiring adoring affectionate agitated amazing angry awesome beautiful blissful",
          "bold boring brave busy charming clever compassionate competent condescending",
          "confident cool cranky crazy dazzling determined distracted dreamy eager ecstatic",
          "elastic elated elegant eloquent epic exciting fervent festive flamboyant focused",
          "friendly frosty funny gallant gifted goofy gracious great happy hardcore",
          "heuristic hopeful hungry infallible inspiring intelligent interesting jolly",
          "jovial keen kind laughing loving lucid magical modest musing mystifying naughty",
          "nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive",
          "practical priceless quirky quizzical recursing relaxed reverent romantic sad",
          "serene sharp silly sleepy stoic strange stupefied suspicious sweet tender",
          "thirsty trusting unruffled upbeat vibrant vigilant vigorous wizardly wonderful",
          "xenodochial youthful zealous zen");

  /** Notable scientists and hackers, as docker has them since 0.7. */
  private static final String[] RIGHT =
      words(
          "agnesi albattani allen almeida antonelli archimedes ardinghelli aryabhata austin",
          "babbage banach banzai bardeen bartik bassi beaver bell benz bhabha bhaskara",
          "black blackburn blackwell bohr booth borg bose bouman boyd brahmagupta brattain",
          "brown buck burnell cannon carson cartwright carver cerf chandrasekhar chaplygin",
          "chatelet chatterjee chaum chebyshev clarke cohen colden cori cray curie curran",
          "darwin davinci dewdney dhawan diffie dijkstra dirac driscoll dubinsky easley",
          "edison einstein elbakyan elgamal elion ellis engelbart euclid euler faraday",
          "feistel fermat fermi feynman franklin gagarin galileo galois ganguly gates gauss",
          "germain goldberg goldstine goldwasser golick goodall gould greider grothendieck",
          "haibt hamilton haslett hawking heisenberg hellman hermann herschel hertz",
          "heyrovsky hodgkin hofstadter hoover hopper hugle hypatia ishizaka jackson jang",
          "jemison jennings jepsen johnson joliot jones kalam kapitsa kare keldysh keller",
          "kepler khayyam khorana kilby kirch knuth kowalevski lalande lamarr lamport",
          "leakey leavitt lederberg lehmann lewin lichterman liskov lovelace lumiere",
          "mahavira margulis matsumoto maxwell mayer mccarthy mcclintock mclaren mclean",
          "mcnulty meitner mendel mendeleev meninsky merkle mestorf mirzakhani montalcini",
          "moore morse moser murdock napier nash neumann newton nightingale nobel noether",
          "northcutt noyce panini pare pascal pasteur payne perlman pike poincare poitras",
          "proskuriakova ptolemy raman ramanujan rhodes ride ritchie robinson roentgen",
          "rosalind rubin saha sammet sanderson satoshi shamir shannon shaw shirley",
          "shockley shtern sinoussi snyder solomon spence stonebraker sutherland swanson",
          "swartz swirles taussig tesla tharp thompson torvalds tu turing varahamihira",
          "vaughan villani visvesvaraya volhard wescoff wilbur wiles williams williamson",
          "wilson wing wozniak wright wu yalow yonath zhukovsky");

  private static final int ATTEMPTS = 6;

  private final Random random;

  public ContainerNames(Random random) {
    this.random = random;
  }

  /** One name; with {@code retry > 0} a random digit is appended. */
  public String generate(int retry) {
    String name;
    do {
      name = LEFT[random.nextInt(LEFT.length)] + "_" + RIGHT[random.nextInt(RIGHT.length)];
    } while (name.equals("boring_wozniak"));
    return retry > 0 ? name + random.nextInt(10) : name;
  }

  private static String[] words(String... lines) {
    return String.join(" ", lines).split(" ");
  }

  /** A name that {@code taken} does not hold, else the container's short ID. */
  public String pick(Predicate<String> taken, String containerId) {
    for (int retry = 0; retry < ATTEMPTS; retry++) {
      String name = generate(retry);
      if (!taken.test(name)) {
        return name;
      }
    }
    return containerId.substring(0, 12);
  }
}
