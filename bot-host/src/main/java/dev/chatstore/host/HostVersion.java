package dev.chatstore.host;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's Implementation-Version, or "development" when run from classes. */
final class HostVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HostVersion.class.getPackage().getImplementationVersion();
        return new String[] {"bot-host " + (version == null ? "development" : version)};
    }
}
