/*
 * swiftgym.h: the C ABI of swift-gym (the dynamic library libSwiftGymC).
 *
 * Build it with `swift build -c release --product SwiftGymC`; the library is .build/release/libSwiftGymC.so.
 *
 * An environment handle is a batch of N copies of one registered environment (N = 1 for a single environment),
 * stepped together: observations, rewards and flags are written into buffers the caller owns, copy after copy.
 *
 * Every function but swiftgym_version and swiftgym_last_error returns a status: SWIFTGYM_OK (0), or one of the
 * codes below, after which swiftgym_last_error() says what was wrong and what is valid. No input makes the library
 * abort the host process. Messages are kept per thread; a handle is used by one thread at a time.
 *
 * Layouts (also given by swiftgym_describe as JSON, with NumPy dtype names):
 *   discrete observations and actions  int64, one per copy
 *   float boxes                        float32, the box's values in row-major order
 *   channel grids (the arcade games)   one byte 0/1 per cell and channel, [height][width][channels] (MinAtar's)
 *   8-bit images                       uint8, [channels][height][width]
 *   rewards                            double; terminated and truncated: one byte 0/1 per copy
 *
 * Nothing is allocated per step.
 */
#ifndef SWIFTGYM_H
#define SWIFTGYM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Statuses. */
#define SWIFTGYM_OK 0
#define SWIFTGYM_INVALID_ARGUMENT 1  /* a NULL pointer, a number out of range, malformed options, a bad copy index */
#define SWIFTGYM_BUFFER_SIZE 2       /* a buffer whose size is not the one the environment needs */
#define SWIFTGYM_INVALID_ACTION 3    /* an action outside the action space; no copy was stepped */
#define SWIFTGYM_UNSUPPORTED 4       /* no frames, no text, no state vector, or a space the C ABI cannot pass */
#define SWIFTGYM_ENVIRONMENT 5       /* an unknown id, a bad option value, a failed step */
#define SWIFTGYM_INVALID_HANDLE 6    /* a handle that is not open (closed already, or never made) */

/* Autoreset modes: when a copy whose episode ended is reset (Gymnasium's AutoresetMode). */
#define SWIFTGYM_AUTORESET_SAME_STEP 0 /* in the step that ended it; the last observation goes to final_observations */
#define SWIFTGYM_AUTORESET_NEXT_STEP 1 /* in the copy's next step, whose action is ignored (reward 0, no flags) */
#define SWIFTGYM_AUTORESET_DISABLED 2  /* never: reset finished copies with swiftgym_reset and a mask */

typedef struct swiftgym_env swiftgym_env;

/* The library's version. */
const char *swiftgym_version(void);

/* The calling thread's latest error message ("" before any failure); valid until its next failing call. */
const char *swiftgym_last_error(void);

/* The registered environments as a JSON array: id, name, summary, family, options, reward_threshold,
 * max_episode_steps, render_fps and, when the environment builds with its default options, observation_space,
 * action_space, render_modes and state_vector_size. Owned by the library for the life of the process. */
int32_t swiftgym_environments(const char **json);

/* Makes num_envs (1...65536) copies of the registered environment `id` (a name or an alias, such as "CartPole-v1").
 *   options_json       a JSON object of option names and values (strings, numbers, Booleans), or NULL
 *   seed               copy i is reset with seed + i
 *   threads            worker threads stepping the copies: 0 for one per core, else 1...256
 *   max_episode_steps  -1: the registered time limit; 0: none; else that many steps
 *   autoreset          one of SWIFTGYM_AUTORESET_*
 * On success *env is the new handle; close it with swiftgym_close. */
int32_t swiftgym_make(const char *id, const char *options_json, int64_t num_envs, uint64_t seed, int32_t threads,
                      int64_t max_episode_steps, int32_t autoreset, swiftgym_env **env);

/* The handle's description as a JSON object: id, name, num_envs, observation_space, action_space (each with type
 * "discrete" or "box", shape, dtype, item_size in bytes, and n and start or low and high), render_modes, render_fps, reward_threshold,
 * max_episode_steps, autoreset_mode and state_vector_size. Owned by the handle until it is closed. */
int32_t swiftgym_describe(swiftgym_env *env, const char **json);

/* Resets the copies whose mask byte is nonzero (all copies when mask is NULL; mask_count must then be ignored, else
 * equal num_envs), copy i with *seed + i when seed is not NULL (else each continues its own random stream), and
 * writes every copy's current observation into `observations` (observations_size bytes, exactly N rows). */
int32_t swiftgym_reset(swiftgym_env *env, const uint64_t *seed, const uint8_t *mask, int64_t mask_count,
                       void *observations, int64_t observations_size);

/* Steps every copy with its action (actions_size bytes, exactly N actions; all are checked before any copy steps)
 * and writes the observations, rewards, terminated and truncated flags (count must equal num_envs). When
 * final_observations is not NULL (final_observations_size bytes, N rows), the last observation of each episode
 * this step ended is written into its copy's row; other rows are left as they were. */
int32_t swiftgym_step(swiftgym_env *env, const void *actions, int64_t actions_size, void *observations,
                      int64_t observations_size, double *rewards, uint8_t *terminated, uint8_t *truncated,
                      int64_t count, void *final_observations, int64_t final_observations_size);

/* Draws copy `copy` as height x width RGB pixels (3 bytes each, rows from the top). The pixels are owned by the
 * handle until its next render call or its close. */
int32_t swiftgym_render_rgb(swiftgym_env *env, int64_t copy, const uint8_t **pixels, int64_t *height, int64_t *width);

/* Copy `copy`'s text picture (Gymnasium's "ansi" mode), owned by the handle until its next render call or close. */
int32_t swiftgym_render_text(swiftgym_env *env, int64_t copy, const char **text);

/* Reads (get) or sets (set) copy `copy`'s physical state, `count` doubles in Gymnasium's order (env.unwrapped.state
 * of the classic-control tasks); count must equal state_vector_size. A set state is where the next step starts. */
int32_t swiftgym_get_state(swiftgym_env *env, int64_t copy, double *values, int64_t count);
int32_t swiftgym_set_state(swiftgym_env *env, int64_t copy, const double *values, int64_t count);

/* Closes the handle and frees everything it handed out. */
int32_t swiftgym_close(swiftgym_env *env);

/* ---- Training (what `gym run` does, in the calling thread) ---- */

/* Receives a progress event as a JSON object: {"event": "progress", "episodes", "steps", "seconds", "mean_return"
 * (over the episodes since the previous event), "last_return", and when the learner has them "moving_average_100",
 * "success_rate", "epsilon", "loss", "updates"}. A nonzero return stops training after the current episode (the
 * agent is still saved and evaluated). The event text is valid only during the call. */
typedef int32_t (*swiftgym_train_callback)(const char *event_json, void *user_data);

/* Trains an agent on a registered environment through the library's trainer, then evaluates it greedily.
 * configuration_json is an object; only "agent" and "env" are required:
 *   agent              q-learning, sarsa, expected-sarsa, value-iteration, policy-iteration, dqn, reinforce,
 *                      actor-critic, ppo, a2c or sac
 *   env                a registered name or alias (swiftgym_environments)
 *   seed               of the agent and the first reset (default 0); the evaluation uses seed + 1
 *   settings           the agent's settings by JSON key or flag name, as `gym run` takes them
 *                      ({"learning_rate": 0.1, "hidden": [64, 64], "double_dqn": true}), checked against their ranges
 *   env_options        the environment's options, as for swiftgym_make
 *   max_episode_steps  -1 (default): the registered limit; 0: none; else that many steps
 *   eval_episodes      greedy evaluation episodes, 1...10000000 (default 1000)
 *   save, load         a safetensors checkpoint to write at the end / to start from (neural agents)
 *   report_every       training episodes between progress events, 1...1000000000 (default 10)
 * callback may be NULL. On success *report is the run's report as a JSON object (gym run --json's keys:
 * eval_mean_return, solved, steps, episodes, hyperparameters, ...), owned by the library until the calling
 * thread's next swiftgym_train. */
int32_t swiftgym_train(const char *configuration_json, swiftgym_train_callback callback, void *user_data,
                       const char **report);

/* ---- DQN agents for actor-learner setups (Ape-X): actors act, the learner stores, learns and publishes ---- */

typedef struct swiftgym_agent swiftgym_agent;

/* Makes a DQN agent from a JSON configuration: "agent" ("dqn"), "env" (its observation and action spaces, and the tuned
 * preset of its observation kind, as `gym run dqn` picks it), and optionally "seed", "settings", "env_options" and
 * "load" (a checkpoint to start from), with the meanings of swiftgym_train. Integer, float-vector and channel-grid
 * observations are supported. */
int32_t swiftgym_agent_make(const char *configuration_json, swiftgym_agent **agent);

/* The agent as JSON: agent, env, seed, hyperparameters, observation_space (the environment's C layout, as in
 * swiftgym_describe), action_count, input_size. Owned by the agent until it is closed. */
int32_t swiftgym_agent_describe(swiftgym_agent *agent, const char **json);

/* Writes an action (int64) for each of `count` observations (1...65536; observations_size bytes, exactly count rows
 * of the environment's layout): uniformly random with probability epsilon (0...1), else greedy. The draws come from
 * the agent's seeded generator. */
int32_t swiftgym_agent_act(swiftgym_agent *agent, const void *observations, int64_t observations_size, int64_t count,
                           double epsilon, int64_t *actions);

/* Adds `count` transitions to the agent's replay memory: observations and next_observations (each observations_size
 * bytes, count rows), actions (int64), rewards (double), terminated (0/1 bytes; a time-limit truncation is 0, so it is
 * bootstrapped, with the real last observation as its next one). All are checked before any is stored. Each counts
 * as one environment step: the target network follows every target_update_interval of them. */
int32_t swiftgym_agent_add(swiftgym_agent *agent, int64_t count, const void *observations,
                           const void *next_observations, int64_t observations_size, const int64_t *actions,
                           const double *rewards, const uint8_t *terminated);

/* `updates` (1...1000000) gradient steps on minibatches of batch_size transitions sampled from the replay memory;
 * *loss (when loss is not NULL) is the latest loss. Refused while the memory is empty. */
int32_t swiftgym_agent_learn(swiftgym_agent *agent, int64_t updates, double *loss);

/* The online network's parameters as safetensors bytes (names such as "0.weight"), owned by the agent until its next
 * swiftgym_agent_get_weights or its close. */
int32_t swiftgym_agent_get_weights(swiftgym_agent *agent, const uint8_t **bytes, int64_t *size);

/* Replaces the online and target networks' parameters with such bytes; nothing changes when they do not fit. */
int32_t swiftgym_agent_set_weights(swiftgym_agent *agent, const uint8_t *bytes, int64_t size);

/* Transitions received, gradient updates done, and transitions held in the replay memory. */
int32_t swiftgym_agent_counters(swiftgym_agent *agent, int64_t *steps, int64_t *updates, int64_t *stored);

/* Writes a full checkpoint (networks, optimizer state, counters, configuration) to `path`, as `gym run --save` does;
 * "load" in swiftgym_agent_make or swiftgym_train starts from it. */
int32_t swiftgym_agent_save(swiftgym_agent *agent, const char *path);

/* Frees the agent. */
int32_t swiftgym_agent_close(swiftgym_agent *agent);

#ifdef __cplusplus
}
#endif

#endif /* SWIFTGYM_H */
