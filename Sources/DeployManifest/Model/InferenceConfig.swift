/// An environment's `inference_config`: three routes, all required.
public struct InferenceConfig: Sendable {
    /// One route: a port and a path.
    public struct Route: Sendable {
        /// `port`.
        public var port: Located<Int>
        /// `path`.
        public var path: Located<String>

        /// A route.
        public init(port: Located<Int>, path: Located<String>) {
            self.port = port
            self.path = path
        }
    }

    /// `liveness_route`.
    public var livenessRoute: Located<Route>
    /// `readiness_route`.
    public var readinessRoute: Located<Route>
    /// `scoring_route`.
    public var scoringRoute: Located<Route>

    /// An inference configuration.
    public init(livenessRoute: Located<Route>, readinessRoute: Located<Route>, scoringRoute: Located<Route>) {
        self.livenessRoute = livenessRoute
        self.readinessRoute = readinessRoute
        self.scoringRoute = scoringRoute
    }
}
