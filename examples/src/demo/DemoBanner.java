/**
 * Printed by the root pom's demo profile (through the JDK's source launcher) before Maven builds
 * the modules, so the first run of the quick-start command is not silent while it compiles.
 */
public class DemoBanner {
    public static void main(String[] args) {
        System.out.println("batchcall demo: building the modules first (about 20-80 s on a first run, quiet with -q),"
                + " then the campaign starts and prints as it goes...");
    }
}
